package io.longhaul.api.lease;

import io.longhaul.api.security.RequiresRole;
import io.longhaul.api.security.Role;
import io.longhaul.db.control.Lease;
import io.longhaul.db.control.LeaseRepository;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Leases on named targets (switch:leaf1, site:sha...): holder run and waiters in order. */
@RestController
@RequestMapping("/api/v1/leases")
public class LeasesController {
  private final LeaseRepository leases;

  public LeasesController(LeaseRepository leases) {
    this.leases = leases;
  }

  @GetMapping
  @RequiresRole(Role.VIEWER)
  public List<Lease> list(@RequestParam(required = false) String name) {
    return leases.list(name);
  }
}
