package io.longhaul.drivers.capability;

import java.util.List;

/**
 * A KVM guest to define.
 *
 * @param nics attached to the OVS integration bridge, in order
 */
public record DomainSpec(String name, int memoryMiB, int vcpus, List<Nic> nics) {
  public DomainSpec {
    nics = List.copyOf(nics);
  }

  /**
   * One virtio NIC on OVS.
   *
   * @param port the tap device name ({@code target dev}), also the OVS port name
   * @param ifaceId the OVS {@code external_ids:iface-id} (the network port's id)
   */
  public record Nic(String mac, String port, String ifaceId, String bridge) {
    public Nic(String mac, String port, String ifaceId) {
      this(mac, port, ifaceId, "br-int");
    }
  }
}
