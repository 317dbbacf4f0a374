package io.longhaul.drivers.dialect;

import io.longhaul.drivers.capability.VlanState;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads VLANs, VNIs and trunk membership out of NX-OS and EOS running configurations; the two share
 * the IOS-like shape and differ only in where the VNI lives ({@code vn-segment} under the VLAN on
 * NX-OS, {@code vxlan vlan N vni M} under {@code interface Vxlan1} on EOS).
 */
public final class RunningConfigs {
  private RunningConfigs() {}

  private static final Pattern VLAN_HEAD = Pattern.compile("vlan ([0-9,\\-]+)");
  private static final Pattern ALLOWED =
      Pattern.compile("switchport trunk allowed vlan (add |remove |except )?(.+)");
  private static final Pattern VXLAN_VLAN =
      Pattern.compile("vxlan vlan (?:add )?([0-9,\\-]+) vni ([0-9,\\-]+)");

  public static VlanState vlanState(String config) {
    var vlans = new TreeSet<Integer>();
    Map<Integer, Integer> vni = new TreeMap<>();
    Map<String, SortedSet<Integer>> trunks = new TreeMap<>();
    vlans.add(1); // VLAN 1 always exists and is not always printed
    for (var section : ConfigSections.parse(config)) {
      String head = section.head();
      Matcher vm = VLAN_HEAD.matcher(head);
      if (vm.matches()) {
        var ids = VlanRanges.parse(vm.group(1));
        vlans.addAll(ids);
        for (String line : section.lines()) {
          if (line.startsWith("vn-segment ") && ids.size() == 1) {
            vni.put(ids.first(), Integer.parseInt(line.substring("vn-segment ".length()).strip()));
          }
        }
      } else if (head.startsWith("interface ")) {
        String name = head.substring("interface ".length()).strip();
        interfaceSection(name, section, trunks, vni);
      }
    }
    return VlanState.of(vlans, vni, trunks);
  }

  private static void interfaceSection(
      String name,
      ConfigSections.Section section,
      Map<String, SortedSet<Integer>> trunks,
      Map<Integer, Integer> vni) {
    boolean trunk = false;
    SortedSet<Integer> allowed = null;
    for (String line : section.lines()) {
      if (line.equals("switchport mode trunk")) {
        trunk = true;
      }
      Matcher am = ALLOWED.matcher(line);
      if (am.matches()) {
        String op = am.group(1) == null ? "" : am.group(1).strip();
        var list = VlanRanges.parse(am.group(2));
        switch (op) {
          case "add" -> {
            if (allowed == null) {
              allowed = new TreeSet<>();
            }
            allowed.addAll(list);
          }
          case "remove" -> {
            if (allowed == null) {
              allowed = VlanRanges.all();
            }
            allowed.removeAll(list);
          }
          case "except" -> {
            allowed = VlanRanges.all();
            allowed.removeAll(list);
          }
          default -> allowed = new TreeSet<>(list);
        }
      }
      Matcher xm = VXLAN_VLAN.matcher(line);
      if (xm.matches()) {
        var vlanList = VlanRanges.parse(xm.group(1)).stream().toList();
        var vniList = VlanRanges.parse(xm.group(2)).stream().toList();
        for (int i = 0; i < Math.min(vlanList.size(), vniList.size()); i++) {
          vni.put(vlanList.get(i), vniList.get(i));
        }
      }
    }
    if (trunk) {
      trunks.put(name, allowed == null ? VlanRanges.all() : allowed);
    }
  }

  /** Per-interface description lines, by full interface name. */
  public static Map<String, String> descriptions(String config) {
    Map<String, String> out = new HashMap<>();
    for (var section : ConfigSections.parse(config)) {
      if (section.head().startsWith("interface ")) {
        for (String line : section.lines()) {
          if (line.startsWith("description ")) {
            out.put(section.head().substring(10).strip(), line.substring(12));
          }
        }
      }
    }
    return out;
  }
}
