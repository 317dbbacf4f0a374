package io.longhaul.contracts.spawn;

import java.util.List;

/** Where the instance runs and how it is reached. */
public record SpawnResult(
    String instance,
    String hypervisor,
    String portId,
    String ip,
    String mac,
    String gateway,
    int vlan,
    Integer vni,
    List<String> leaves) {

  public SpawnResult {
    leaves = List.copyOf(leaves);
  }
}
