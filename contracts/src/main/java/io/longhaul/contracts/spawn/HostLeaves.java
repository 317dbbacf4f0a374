package io.longhaul.contracts.spawn;

import java.util.List;

/** A hypervisor's NICs and the leaf interfaces they are cabled to: both leaves of one pair. */
public record HostLeaves(String hypervisor, String leafPair, List<LeafPort> ports) {
  public HostLeaves {
    ports = List.copyOf(ports);
  }

  /** One NIC's peer. */
  public record LeafPort(String nic, String switchName, String interfaceName) {}
}
