package io.longhaul.contracts.spawn;

import java.util.List;

/** Checks over SNMP that the interfaces are up and carry the VLAN. */
public record VerifyRequest(String switchName, List<String> interfaces, int vlan) {
  public VerifyRequest {
    interfaces = List.copyOf(interfaces);
  }
}
