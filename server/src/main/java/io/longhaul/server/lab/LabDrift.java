package io.longhaul.server.lab;

import io.longhaul.db.instance.Instance;
import io.longhaul.db.instance.InstanceRepository;
import io.longhaul.db.inventory.HypervisorRepository;
import io.longhaul.db.inventory.SiteRepository;
import io.longhaul.lab.DeviceKind;
import io.longhaul.lab.Lab;
import io.longhaul.lab.LabDevice;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the inventory and the lab disagree about instances: an active instance whose hypervisor has
 * no such domain (the lab restarted and lost it), or a domain no instance accounts for. Reported at
 * start and on the lab status, never repaired silently.
 */
final class LabDrift {
  private LabDrift() {}

  static List<String> of(
      Lab lab, InstanceRepository instances, SiteRepository sites, HypervisorRepository hvs) {
    Map<Long, String> hvNames = new HashMap<>();
    sites.list().forEach(s -> hvs.listBySite(s.id()).forEach(h -> hvNames.put(h.id(), h.name())));
    Map<String, Set<String>> domains = new HashMap<>();
    for (LabDevice d : lab.devices()) {
      if (d.kind() == DeviceKind.HYPERVISOR) {
        domains.put(d.name(), lab.hypervisorState(d.name()).domains().keySet());
      }
    }
    List<String> out = new ArrayList<>();
    Map<String, String> placed = new HashMap<>();
    for (Instance i : instances.list()) {
      String hv = i.hypervisorId() == null ? null : hvNames.get(i.hypervisorId());
      if (hv == null || !"active".equals(i.state())) {
        continue;
      }
      placed.put(i.name(), hv);
      if (!domains.getOrDefault(hv, Set.of()).contains(i.name())) {
        out.add("instance " + i.name() + " is active on " + hv + ", which has no such domain");
      }
    }
    domains.forEach(
        (hv, names) ->
            names.stream()
                .filter(n -> !hv.equals(placed.get(n)))
                .sorted()
                .forEach(n -> out.add("domain " + n + " on " + hv + " has no active instance")));
    return out;
  }
}
