package io.longhaul.drivers.capability;

import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A switch's VLANs, their VXLAN VNIs, and which VLANs each trunk interface carries.
 *
 * @param vlans every configured VLAN
 * @param vniByVlan VLANs mapped to a VNI
 * @param trunkVlans allowed VLANs per trunk interface (a trunk with no restriction allows 1-4094)
 */
public record VlanState(
    SortedSet<Integer> vlans,
    SortedMap<Integer, Integer> vniByVlan,
    SortedMap<String, SortedSet<Integer>> trunkVlans) {

  public VlanState {
    vlans = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(vlans));
    vniByVlan = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(vniByVlan));
    var copy = new TreeMap<String, SortedSet<Integer>>();
    trunkVlans.forEach(
        (k, v) -> copy.put(k, java.util.Collections.unmodifiableSortedSet(new TreeSet<>(v))));
    trunkVlans = java.util.Collections.unmodifiableSortedMap(copy);
  }

  public static VlanState of(
      Set<Integer> vlans,
      Map<Integer, Integer> vniByVlan,
      Map<String, ? extends Set<Integer>> trunks) {
    var t = new TreeMap<String, SortedSet<Integer>>();
    trunks.forEach((k, v) -> t.put(k, new TreeSet<>(v)));
    return new VlanState(new TreeSet<>(vlans), new TreeMap<>(vniByVlan), t);
  }

  /** Whether the interface is a trunk carrying the VLAN. */
  public boolean carries(String interfaceName, int vlan) {
    var allowed = trunkVlans.get(interfaceName);
    return allowed != null && allowed.contains(vlan);
  }

  /** Whether the binding is fully in place: VLAN exists, maps to the VNI, interface carries it. */
  public boolean has(Binding binding) {
    return vlans.contains(binding.vlan())
        && Integer.valueOf(binding.vni()).equals(vniByVlan.get(binding.vlan()))
        && carries(binding.interfaceName(), binding.vlan());
  }
}
