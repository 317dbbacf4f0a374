package io.longhaul.drivers.capability;

import io.longhaul.drivers.Printable;

/**
 * An LLDP adjacency: our full interface name, the peer's system name and its port. Whatever path
 * read it (SNMP or a CLI's table), no control character survives into these names.
 */
public record LldpNeighbor(String localInterface, String remoteSystem, String remotePort) {
  public LldpNeighbor {
    localInterface = Printable.withoutControls(localInterface);
    remoteSystem = Printable.withoutControls(remoteSystem);
    remotePort = Printable.withoutControls(remotePort);
  }
}
