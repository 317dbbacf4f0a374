package io.longhaul.drivers.capability;

import java.util.List;
import java.util.Objects;

/**
 * A KVM guest to define.
 *
 * @param nics attached to the OVS integration bridge, in order
 * @param owner written into the domain's metadata; its change and instance name the domain's UUID
 * @param boot the boot disk and seed, or null for a guest without disks (it sits in the BIOS)
 */
public record DomainSpec(
    String name, int memoryMiB, int vcpus, List<Nic> nics, DomainOwner owner, BootDisk boot) {
  public DomainSpec {
    nics = List.copyOf(nics);
    Objects.requireNonNull(owner, "owner");
  }

  public DomainSpec(String name, int memoryMiB, int vcpus, List<Nic> nics, DomainOwner owner) {
    this(name, memoryMiB, vcpus, nics, owner, null);
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
