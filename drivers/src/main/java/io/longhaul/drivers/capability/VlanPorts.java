package io.longhaul.drivers.capability;

import java.util.SortedMap;
import java.util.SortedSet;

/** Which interfaces each VLAN egresses on (Q-BRIDGE-MIB); VNIs are not in any standard MIB. */
public interface VlanPorts {
  SortedMap<Integer, SortedSet<String>> vlanPorts();
}
