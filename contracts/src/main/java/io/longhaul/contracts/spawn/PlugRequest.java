package io.longhaul.contracts.spawn;

/** An OVS port on br-int with its iface-id (the IPAM port id). */
public record PlugRequest(String hypervisor, String tap, String portId) {
  public static final String BRIDGE = "br-int";
}
