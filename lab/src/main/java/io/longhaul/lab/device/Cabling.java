package io.longhaul.lab.device;

import java.util.HashMap;
import java.util.Map;

/** Who is cabled to what: switch interfaces to hypervisor NICs and to other switches. */
public final class Cabling {

  /** The far end of a cable: a device and its port (an interface name or a NIC name). */
  public record End(String device, String port) {}

  private final Map<End, End> links = new HashMap<>();

  public synchronized void connect(End a, End b) {
    if (links.containsKey(a) || links.containsKey(b)) {
      throw new IllegalArgumentException(
          (links.containsKey(a) ? a : b)
              + " is already cabled to "
              + links.get(links.containsKey(a) ? a : b));
    }
    links.put(a, b);
    links.put(b, a);
  }

  public synchronized End peer(End end) {
    return links.get(end);
  }

  public synchronized End peer(String device, String port) {
    return links.get(new End(device, port));
  }

  /** Moves the cable at {@code from} so it plugs into {@code to} instead; returns the old peer. */
  public synchronized End move(End from, End to) {
    End old = links.get(from);
    End occupant = links.get(to);
    if (occupant != null && !occupant.equals(from)) {
      throw new IllegalArgumentException(
          to.device()
              + " "
              + to.port()
              + " is already cabled to "
              + occupant.device()
              + " "
              + occupant.port());
    }
    if (old != null) {
      links.remove(old);
      links.remove(from);
    }
    links.put(from, to);
    links.put(to, from);
    return old;
  }
}
