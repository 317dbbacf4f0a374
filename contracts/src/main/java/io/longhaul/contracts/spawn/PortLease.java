package io.longhaul.contracts.spawn;

/**
 * An allocated port: its id (the OVS iface-id), address, MAC and the network's gateway, VLAN and
 * VNI. {@code created} is false when an existing port was returned by name or allocation key.
 */
public record PortLease(
    String portId,
    String name,
    long networkId,
    String network,
    String ip,
    int prefixLength,
    String mac,
    String gateway,
    int vlan,
    Integer vni,
    String status,
    String hypervisor,
    boolean created) {

  /** The tap device and OVS port: "tap" and the first 11 characters of the id, as Neutron does. */
  public String tapName() {
    return tapOf(portId);
  }

  public static String tapOf(String portId) {
    return "tap" + portId.substring(0, 11);
  }
}
