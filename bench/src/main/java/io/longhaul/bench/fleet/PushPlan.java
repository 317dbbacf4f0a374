package io.longhaul.bench.fleet;

import io.longhaul.drivers.capability.Binding;
import java.util.ArrayList;
import java.util.List;

/**
 * The overlay binding pushed in one trial: 8 new VLANs with their VNIs trunked on 7
 * hypervisor-facing ports, which NX-OS needs 30 configuration lines for (2 per VLAN, 2 per port).
 * Every trial gets fresh VLANs so both sides really change the devices every time.
 */
public record PushPlan(String changeId, List<String> interfaces, List<Integer> vlans) {

  static final int VLANS = 8;
  static final int PORTS = 7;

  /** The {@code n}-th push of the run (0-based). */
  public static PushPlan number(int n) {
    int base = 1000 + n * 10;
    var vlans = new ArrayList<Integer>();
    for (int v = 0; v < VLANS; v++) {
      vlans.add(base + v);
    }
    var ports = new ArrayList<String>();
    for (int p = 1; p <= PORTS; p++) {
      ports.add("Ethernet1/" + p);
    }
    return new PushPlan("bench-" + n, ports, vlans);
  }

  public List<Binding> bindings() {
    var out = new ArrayList<Binding>();
    for (String i : interfaces) {
      for (int v : vlans) {
        out.add(new Binding(i, v, 100_000 + v));
      }
    }
    return out;
  }
}
