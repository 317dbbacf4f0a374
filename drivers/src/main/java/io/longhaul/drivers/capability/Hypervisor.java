package io.longhaul.drivers.capability;

import java.util.List;

/**
 * A KVM hypervisor with Open vSwitch. Every change is idempotent: defining an existing guest
 * updates it, starting a running guest, destroying a stopped or absent one, undefining an absent
 * one, plugging a present port and unplugging an absent one all succeed without changing anything.
 */
public interface Hypervisor {

  void define(DomainSpec spec);

  void start(String domain);

  void destroy(String domain);

  void undefine(String domain);

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
