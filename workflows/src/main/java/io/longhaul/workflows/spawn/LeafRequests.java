package io.longhaul.workflows.spawn;

import io.longhaul.contracts.spawn.HostLeaves;
import io.longhaul.contracts.spawn.LeafBinding;
import io.longhaul.contracts.spawn.OverlayRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One overlay request per leaf of a host: the host's interfaces on that leaf trunk the VLAN mapped
 * to the VNI. Each request's id is its step's idempotency key on that switch, so a retried step, or
 * a re-run's, is the same request.
 */
final class LeafRequests {
  private LeafRequests() {}

  /** The requests by switch, in the order of the host's leaf ports. */
  static Map<String, OverlayRequest> bySwitch(
      Function<String, String> requestId,
      String site,
      String action,
      String userKey,
      HostLeaves leaves,
      int vlan,
      int vni) {
    Map<String, List<LeafBinding>> bindings = new LinkedHashMap<>();
    for (HostLeaves.LeafPort p : leaves.ports()) {
      bindings
          .computeIfAbsent(p.switchName(), k -> new ArrayList<>())
          .add(new LeafBinding(p.interfaceName(), vlan, vni));
    }
    Map<String, OverlayRequest> out = new LinkedHashMap<>();
    bindings.forEach(
        (sw, b) ->
            out.put(sw, new OverlayRequest(requestId.apply(sw), site, sw, action, userKey, b)));
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
