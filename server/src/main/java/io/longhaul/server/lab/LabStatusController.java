package io.longhaul.server.lab;

import io.longhaul.api.security.RequiresRole;
import io.longhaul.api.security.Role;
import io.longhaul.db.instance.InstanceRepository;
import io.longhaul.db.inventory.HypervisorRepository;
import io.longhaul.db.inventory.SiteRepository;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Whether this server runs the lab; the portal shows its Lab page only then. */
@RestController
public class LabStatusController {
  private final ObjectProvider<LabRuntime> runtime;

  private final InstanceRepository instances;
  private final SiteRepository sites;
  private final HypervisorRepository hypervisors;

  public LabStatusController(
      ObjectProvider<LabRuntime> runtime,
      InstanceRepository instances,
      SiteRepository sites,
      HypervisorRepository hypervisors) {
    this.runtime = runtime;
    this.instances = instances;
    this.sites = sites;
    this.hypervisors = hypervisors;
  }

  /**
   * {@code drift}: where the inventory and the lab disagree about instances (see {@link LabDrift});
   * empty when they agree or there is no lab.
   */
  public record LabStatus(boolean enabled, List<String> drift) {}

  @GetMapping("/api/v1/lab/status")
  @RequiresRole(Role.VIEWER)
  public LabStatus status() {
    LabRuntime lab = runtime.getIfAvailable();
    return lab == null
        ? new LabStatus(false, List.of())
        : new LabStatus(true, LabDrift.of(lab.lab(), instances, sites, hypervisors));
  }
}
