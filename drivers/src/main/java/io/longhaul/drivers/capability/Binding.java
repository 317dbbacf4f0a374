package io.longhaul.drivers.capability;

/** One overlay binding: the interface trunks the VLAN, and the VLAN maps to the VXLAN VNI. */
public record Binding(String interfaceName, int vlan, int vni) {}
