package io.longhaul.drivers.capability;

import java.util.List;
import java.util.Optional;

/**
 * A KVM hypervisor with Open vSwitch. Every change is idempotent: defining an existing guest
 * updates it, starting a running guest, destroying a stopped or absent one, undefining an absent
 * one, plugging a present port and unplugging an absent one all succeed without changing anything.
 * Defining, destroying and undefining an existing guest first check its ownership mark and throw
 * {@link io.longhaul.drivers.DeviceException.NotOwned} for a guest the owner did not define.
 */
public interface Hypervisor {

  void define(DomainSpec spec);

  void start(String domain);

  /**
   * Creates the spec's boot volumes in its pool: the overlay over the base volume (kept when it
   * exists: it is this change's, by its name) and the NoCloud seed (written again each time, the
   * same bytes). Nothing for a spec without a boot disk. The base volume must be in the pool.
   */
  void createVolumes(DomainSpec spec);

  /** Deletes the boot volumes of {@code owner}'s domain from the pool; absent ones are fine. */
  void deleteVolumes(String pool, String domain, DomainOwner owner);

  /** The names of the pool's volumes. */
  List<String> volumes(String pool);

  /** The end of what the guest printed on its serial console since its last start; "" if none. */
  String console(String domain);

  void destroy(String domain, DomainOwner owner);

  void undefine(String domain, DomainOwner owner);

  /** The guest's UUID, type and ownership mark; empty when it does not exist. */
  Optional<DomainIdentity> identity(String domain);

  /**
   * The virtualisation type the host offers: {@code kvm} where KVM is usable, else {@code qemu}.
   */
  String domainType();

  List<DomainSummary> list();

  /** Throws CommandRejected when the guest does not exist. */
  DomainInfo dominfo(String domain);

  /** Adds the port to the bridge with its iface-id (re-setting the iface-id if it exists). */
  void plug(String bridge, String port, String ifaceId);

  void unplug(String bridge, String port);

  List<String> ports(String bridge);

  /** The port's iface-id, empty when unset. */
  String ifaceId(String port);

  HostCapacity capacity();

  ServiceStatus serviceStatus(String service);

  void restartService(String service);
}
