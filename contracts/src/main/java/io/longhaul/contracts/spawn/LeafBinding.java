package io.longhaul.contracts.spawn;

/** An interface of a leaf trunks a VLAN, and the VLAN maps to a VXLAN VNI. */
public record LeafBinding(String interfaceName, int vlan, int vni) {}
