package io.longhaul.drivers.capability;

/** An LLDP adjacency: our full interface name, the peer's system name and its port id. */
public record LldpNeighbor(String localInterface, String remoteSystem, String remotePort) {}
