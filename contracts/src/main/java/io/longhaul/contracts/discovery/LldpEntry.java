package io.longhaul.contracts.discovery;

/** One LLDP adjacency: our interface, the peer's system name and its port (NIC or interface). */
public record LldpEntry(String localInterface, String remoteSystem, String remotePort) {}
