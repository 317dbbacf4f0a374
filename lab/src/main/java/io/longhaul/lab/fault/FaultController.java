package io.longhaul.lab.fault;

import io.longhaul.lab.device.LinkFaults;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Injects and clears faults. A target is a device name or a group: a site code, {@code leaves},
 * {@code spines}, {@code switches}, {@code hypervisors} or {@code *}.
 */
public final class FaultController implements LinkFaults {

  /** A fault and the target it was injected on. */
  public record ActiveFault(String target, Fault fault, Instant since) {}

  private final CopyOnWriteArrayList<ActiveFault> faults = new CopyOnWriteArrayList<>();
  private final Function<String, Set<String>> groupsOf;
  private final Set<String> knownTargets;
  private final List<BiConsumer<String, Fault>> listeners = new CopyOnWriteArrayList<>();

  /**
   * @param groupsOf every target name that selects a device (its name, site code, role group, *)
   * @param knownTargets all valid targets
   */
  public FaultController(Function<String, Set<String>> groupsOf, Set<String> knownTargets) {
    this.groupsOf = groupsOf;
    this.knownTargets = Set.copyOf(knownTargets);
  }

  /** Called with (target, fault) on every inject; the lab uses it to cut sessions on Down. */
  public void onInject(BiConsumer<String, Fault> listener) {
    listeners.add(listener);
  }

  public void inject(String target, Fault fault) {
    if (!knownTargets.contains(target)) {
      throw new IllegalArgumentException("unknown fault target '" + target + "'");
    }
    faults.add(new ActiveFault(target, fault, Instant.now()));
    listeners.forEach(l -> l.accept(target, fault));
  }

  public void clear(String target) {
    faults.removeIf(f -> f.target().equals(target));
  }

  public void clearAll() {
    faults.clear();
  }

  public List<ActiveFault> active() {
    return List.copyOf(faults);
  }

  /** Faults that apply to a device, in injection order. */
  public List<Fault> faultsFor(String device) {
    Set<String> groups = groupsOf.apply(device);
    List<Fault> out = new ArrayList<>();
    for (ActiveFault f : faults) {
      if (groups.contains(f.target())) {
        out.add(f.fault());
      }
    }
    return out;
  }

  public boolean has(String device, Class<? extends Fault> type) {
    return faultsFor(device).stream().anyMatch(type::isInstance);
  }

  /** Sum of the latencies that apply to a device. */
  public Duration latency(String device) {
    Duration d = Duration.ZERO;
    for (Fault f : faultsFor(device)) {
      if (f instanceof Fault.Latency l) {
        d = d.plus(l.delay());
      }
    }
    return d;
  }

  public boolean commandFails(String device, String commandLine) {
    String line = commandLine.strip();
    String bare = bare(line);
    for (Fault f : faultsFor(device)) {
      if (f instanceof Fault.CommandFails c
          && (line.startsWith(c.commandPrefix()) || bare.startsWith(c.commandPrefix()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A hypervisor command line without what only bounds or routes it: {@code sudo}, coreutils {@code
   * timeout [-k N] N}, virsh's {@code -c URI} and ovs-vsctl's {@code --timeout=N}. A fault for
   * {@code virsh define} then matches {@code timeout -k 5 25 virsh -c qemu:///system define}.
   */
  static String bare(String line) {
    String s = line.replaceFirst("^(sudo\\s+)+", "");
    s = s.replaceFirst("^timeout(\\s+-[ks]\\s+\\S+)*\\s+\\S+\\s+", "");
    s =
        s.replaceFirst(
            "^virsh((\\s+-q)|(\\s+(-c|--connect)\\s+\\S+)|(\\s+--connect=\\S+))+\\s+", "virsh ");
    return s.replaceFirst("^ovs-vsctl\\s+--timeout=\\d+\\s+", "ovs-vsctl ");
  }

  /** Blocks (cheaply: polls on the calling virtual thread) while a Hang applies to the device. */
  public void awaitNoHang(String device, java.util.function.BooleanSupplier stillWanted)
      throws InterruptedException {
    while (has(device, Fault.Hang.class) && stillWanted.getAsBoolean()) {
      Thread.sleep(20);
    }
  }

  @Override
  public boolean isLinkDown(String device, String interfaceName) {
    Set<String> groups = groupsOf.apply(device);
    for (ActiveFault f : faults) {
      if (f.fault() instanceof Fault.LinkFlap flap
          && groups.contains(f.target())
          && flap.interfaceName().equalsIgnoreCase(interfaceName)) {
        long periodMs = Math.max(1, flap.period().toMillis());
        long elapsed = Duration.between(f.since(), Instant.now()).toMillis();
        if ((elapsed / periodMs) % 2 == 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** Scrambles command output so a parser cannot make sense of it. */
  public static String garble(String text) {
    StringBuilder sb = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      StringBuilder l = new StringBuilder(line).reverse();
      for (int i = 2; i < l.length(); i += 3) {
        l.setCharAt(i, "#~%@".charAt(i % 4));
      }
      sb.append(l).append('\n');
    }
    return "\u001b[?1h" + sb + "%%GARBLED%% " + Integer.toHexString(text.hashCode()) + "\n";
  }
}
