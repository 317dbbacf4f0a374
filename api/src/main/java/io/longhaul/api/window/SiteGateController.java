package io.longhaul.api.window;

import io.longhaul.api.security.CurrentUser;
import io.longhaul.api.security.RequiresRole;
import io.longhaul.api.security.Role;
import jakarta.validation.Valid;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A site's gate: read it, mark the site degraded, lift the mark (both audited). */
@RestController
@RequestMapping("/api/v1/sites/{id}")
public class SiteGateController {
  private final SiteGate gate;

  public SiteGateController(SiteGate gate) {
    this.gate = gate;
  }

  @GetMapping("/health")
  @RequiresRole(Role.VIEWER)
  public SiteGate.SiteHealth health(@PathVariable long id) {
    return gate.health(id);
  }

  @PostMapping("/degrade")
  @RequiresRole(Role.OPERATOR)
  public SiteGate.SiteHealth degrade(
      @PathVariable long id, @Valid @RequestBody SiteHealthRequest r, Authentication auth) {
    return gate.degrade(id, r.reason(), CurrentUser.name(auth));
  }

  @PostMapping("/restore")
  @RequiresRole(Role.OPERATOR)
  public SiteGate.SiteHealth restore(
      @PathVariable long id, @Valid @RequestBody SiteHealthRequest r, Authentication auth) {
    return gate.restore(id, r.reason(), CurrentUser.name(auth));
  }
}
