package io.longhaul.api.instance;

import io.longhaul.api.security.RequiresRole;
import io.longhaul.api.security.Role;
import io.longhaul.db.instance.PlacementRepository;
import io.longhaul.db.instance.Reservation;
import io.longhaul.db.inventory.HypervisorRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What placement has reserved on each hypervisor against the limit it enforces: {@code floor(cores
 * × cpu over-commit)} vCPUs and {@code floor(memory × memory over-commit)} MiB, as the placement
 * trigger computes them.
 */
@RestController
public class HypervisorAllocationController {
  private final HypervisorRepository hypervisors;
  private final PlacementRepository placements;

  public HypervisorAllocationController(
      HypervisorRepository hypervisors, PlacementRepository placements) {
    this.hypervisors = hypervisors;
    this.placements = placements;
  }

  /** One hypervisor's reservations: instances placed, vCPUs and MiB used of the limits. */
  public record Allocation(
      long hypervisorId,
      String name,
      int instances,
      long vcpusUsed,
      long vcpusLimit,
      long memoryMiBUsed,
      long memoryMiBLimit,
      boolean maintenance) {}

  @GetMapping("/api/v1/hypervisors/allocation")
  @RequiresRole(Role.VIEWER)
  public List<Allocation> list() {
    // One read of all reservations rather than a sum per host: the page lists every host.
    Map<Long, long[]> used = new HashMap<>();
    for (Reservation r : placements.list()) {
      long[] u = used.computeIfAbsent(r.hypervisorId(), k -> new long[3]);
      u[0]++;
      u[1] += r.vcpus();
      u[2] += r.memoryMb();
    }
    return hypervisors.list().stream()
        .map(
            h -> {
              long[] u = used.getOrDefault(h.id(), new long[3]);
              return new Allocation(
                  h.id(),
                  h.name(),
                  (int) u[0],
                  u[1],
                  (long) Math.floor(h.cpuCores() * h.cpuOvercommit().doubleValue()),
                  u[2],
                  (long) Math.floor(h.memoryMb() * h.memoryOvercommit().doubleValue()),
                  h.maintenance());
            })
        .toList();
  }
}
