package io.longhaul.workflows.spawn;

import io.longhaul.contracts.spawn.HostLeaves;
import io.longhaul.contracts.spawn.LeafBinding;
import io.longhaul.contracts.spawn.OverlayRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One overlay request per leaf of a host: the host's interfaces on that leaf trunk the VLAN mapped
 * to the VNI. Request ids are the run id, the step and the switch, so a retried step is the same
 * request.
 */
final class LeafRequests {
  private LeafRequests() {}

  static List<OverlayRequest> of(
      String runId,
      String step,
      String site,
      String action,
      String userKey,
      HostLeaves leaves,
      int vlan,
      int vni) {
    Map<String, List<LeafBinding>> bySwitch = new LinkedHashMap<>();
    for (HostLeaves.LeafPort p : leaves.ports()) {
      bySwitch
          .computeIfAbsent(p.switchName(), k -> new ArrayList<>())
          .add(new LeafBinding(p.interfaceName(), vlan, vni));
    }
    List<OverlayRequest> out = new ArrayList<>();
    bySwitch.forEach(
        (sw, bindings) ->
            out.add(
                new OverlayRequest(
                    runId + ":" + step + ":" + sw, site, sw, action, userKey, bindings)));
    return out;
  }

  /** The interfaces of a host on one leaf. */
  static List<String> interfacesOn(HostLeaves leaves, String switchName) {
    return leaves.ports().stream()
        .filter(p -> p.switchName().equals(switchName))
        .map(HostLeaves.LeafPort::interfaceName)
        .toList();
  }
}
