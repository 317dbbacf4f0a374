package io.longhaul.drivers.dialect;

import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.Dialect;
import io.longhaul.drivers.capability.Binding;
import io.longhaul.drivers.capability.VlanState;
import io.longhaul.drivers.cli.CliValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes the configuration commands that take a switch from its current {@link VlanState} to one
 * where the bindings are present (or absent), and nothing else. An empty plan means the device is
 * already there. Pure, so it is tested without a device.
 */
public final class OverlayPlan {
  private OverlayPlan() {}

  /** Validates every value of a batch; throws before anything is sent. */
  public static void validate(
      String device, Dialect dialect, String changeId, List<Binding> batch) {
    CliValues.changeId(device, changeId);
    if (batch == null || batch.isEmpty()) {
      throw new DeviceException.InvalidParameter(device, "bindings", "empty batch");
    }
    Map<Integer, Integer> vniOfVlan = new HashMap<>();
    Map<Integer, Integer> vlanOfVni = new HashMap<>();
    for (Binding b : batch) {
      if (b == null) {
        throw new DeviceException.InvalidParameter(device, "bindings", "null binding");
      }
      CliValues.interfaceName(device, dialect, b.interfaceName());
      CliValues.vlan(device, b.vlan());
      CliValues.vni(device, b.vni());
      Integer vni = vniOfVlan.putIfAbsent(b.vlan(), b.vni());
      Integer vlan = vlanOfVni.putIfAbsent(b.vni(), b.vlan());
      if ((vni != null && vni != b.vni()) || (vlan != null && vlan != b.vlan())) {
        throw new DeviceException.InvalidParameter(
            device,
            "bindings",
            "VLAN " + b.vlan() + " and VNI " + b.vni() + " pair inconsistently");
      }
    }
  }

  /** Commands that make every binding present. */
  public static List<String> apply(
      String device, Dialect dialect, VlanState state, List<Binding> batch) {
    var vlanToVni = new TreeMap<Integer, Integer>();
    var perInterface = new TreeMap<String, SortedSet<Integer>>();
    for (Binding b : batch) {
      vlanToVni.put(b.vlan(), b.vni());
      if (!state.carries(b.interfaceName(), b.vlan())) {
        perInterface.computeIfAbsent(b.interfaceName(), k -> new TreeSet<>()).add(b.vlan());
      }
    }
    checkConflicts(device, state, vlanToVni);
    var commands = new ArrayList<String>();
    var vxlan = new ArrayList<String>();
    vlanToVni.forEach(
        (vlan, vni) -> {
          boolean exists = state.vlans().contains(vlan);
          boolean mapped = state.vniByVlan().containsKey(vlan);
          if (dialect == Dialect.NXOS) {
            if (!exists || !mapped) {
              commands.add("vlan " + vlan);
              commands.add("vn-segment " + vni);
            }
          } else {
            if (!exists) {
              commands.add("vlan " + vlan);
            }
            if (!mapped) {
              vxlan.add("vxlan vlan " + vlan + " vni " + vni);
            }
          }
        });
    if (!vxlan.isEmpty()) {
      commands.add("interface Vxlan1");
      commands.addAll(vxlan);
    }
    perInterface.forEach(
        (name, vlans) -> {
          commands.add("interface " + name);
          if (state.trunkVlans().containsKey(name)) {
            commands.add("switchport trunk allowed vlan add " + VlanRanges.format(vlans));
          } else {
            // An access port becomes a trunk carrying exactly these VLANs, never "all".
            commands.add("switchport trunk allowed vlan " + VlanRanges.format(vlans));
            commands.add("switchport mode trunk");
          }
        });
    return commands;
  }

  /** Commands that remove the bindings' trunk membership and, if asked, their VLANs and VNIs. */
  public static List<String> remove(
      Dialect dialect, VlanState state, List<Binding> batch, boolean dropVlans) {
    var perInterface = new TreeMap<String, SortedSet<Integer>>();
    var vlans = new TreeSet<Integer>();
    for (Binding b : batch) {
      vlans.add(b.vlan());
      if (state.carries(b.interfaceName(), b.vlan())) {
        perInterface.computeIfAbsent(b.interfaceName(), k -> new TreeSet<>()).add(b.vlan());
      }
    }
    var commands = new ArrayList<String>();
    perInterface.forEach(
        (name, remove) -> {
          commands.add("interface " + name);
          commands.add("switchport trunk allowed vlan remove " + VlanRanges.format(remove));
        });
    if (dropVlans) {
      var vxlan = new ArrayList<String>();
      for (int vlan : vlans) {
        Integer vni = state.vniByVlan().get(vlan);
        if (dialect == Dialect.EOS && vni != null) {
          vxlan.add("no vxlan vlan " + vlan + " vni " + vni);
        }
      }
      if (!vxlan.isEmpty()) {
        commands.add("interface Vxlan1");
        commands.addAll(vxlan);
      }
      for (int vlan : vlans) {
        if (vlan != 1 && state.vlans().contains(vlan)) {
          commands.add("no vlan " + vlan);
        }
      }
    }
    return commands;
  }

  /** Whether the device now shows the batch applied. */
  public static List<String> missingAfterApply(VlanState state, List<Binding> batch) {
    var missing = new ArrayList<String>();
    for (Binding b : batch) {
      if (!state.has(b)) {
        missing.add(b.interfaceName() + " vlan " + b.vlan() + " vni " + b.vni());
      }
    }
    return missing;
  }

  /** What still remains after a removal. */
  public static List<String> leftAfterRemove(
      VlanState state, List<Binding> batch, boolean dropVlans) {
    var left = new ArrayList<String>();
    for (Binding b : batch) {
      if (state.carries(b.interfaceName(), b.vlan())) {
        left.add(b.interfaceName() + " still carries vlan " + b.vlan());
      }
      if (dropVlans && b.vlan() != 1 && state.vlans().contains(b.vlan())) {
        left.add("vlan " + b.vlan() + " still exists");
      }
    }
    return left.stream().distinct().toList();
  }

  private static void checkConflicts(String device, VlanState state, Map<Integer, Integer> wanted) {
    wanted.forEach(
        (vlan, vni) -> {
          Integer current = state.vniByVlan().get(vlan);
          if (current != null && !current.equals(vni)) {
            throw new DeviceException.VerificationFailed(
                device,
                "",
                "VLAN " + vlan + " is already mapped to VNI " + current + ", not " + vni);
          }
          state
              .vniByVlan()
              .forEach(
                  (otherVlan, otherVni) -> {
                    if (otherVni.equals(vni) && !otherVlan.equals(vlan)) {
                      throw new DeviceException.VerificationFailed(
                          device, "", "VNI " + vni + " is already used by VLAN " + otherVlan);
                    }
                  });
        });
  }
}
