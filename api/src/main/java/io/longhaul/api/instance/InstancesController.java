package io.longhaul.api.instance;

import io.longhaul.api.error.BadRequestException;
import io.longhaul.api.security.RequiresRole;
import io.longhaul.api.security.Role;
import io.longhaul.contracts.vocabulary.SiteCode;
import io.longhaul.db.instance.InstanceListing;
import io.longhaul.db.instance.InstanceRepository;
import io.longhaul.db.instance.UnaccountedDomain;
import io.longhaul.db.instance.UnaccountedDomainRepository;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Instances with their state, host, port and address; spawn and delete are operations (runs). */
@RestController
@RequestMapping("/api/v1/instances")
public class InstancesController {
  private final InstanceRepository instances;
  private final UnaccountedDomainRepository unaccounted;

  public InstancesController(
      InstanceRepository instances, UnaccountedDomainRepository unaccounted) {
    this.instances = instances;
    this.unaccounted = unaccounted;
  }

  /**
   * Domains the drift watch found on the site's hypervisors that no instance accounts for (defined
   * outside Longhaul, or left by a change whose instance is gone). Longhaul never touches them.
   */
  @GetMapping("/unaccounted-domains")
  @RequiresRole(Role.VIEWER)
  public List<UnaccountedDomain> unaccounted(@RequestParam(required = false) String site) {
    if (site != null && !SiteCode.valid(site)) {
      throw new BadRequestException("site", "is not a site code");
    }
    return unaccounted.list(site);
  }

  @GetMapping
  @RequiresRole(Role.VIEWER)
  public List<InstanceListing> list(@RequestParam(required = false) String site) {
    if (site != null && !SiteCode.valid(site)) {
      throw new BadRequestException("site", "is not a site code");
    }
    return instances.listings(site);
  }
}
