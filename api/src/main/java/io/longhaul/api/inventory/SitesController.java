package io.longhaul.api.inventory;

import io.longhaul.api.audit.AuditService;
import io.longhaul.api.security.RequiresRole;
import io.longhaul.api.security.Role;
import io.longhaul.api.validation.OneLine;
import io.longhaul.db.credential.CredentialScopes;
import io.longhaul.db.inventory.Site;
import io.longhaul.db.inventory.SiteRepository;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/sites")
public class SitesController
    extends InventoryController<Site, SitesController.SiteBody, Site.Spec> {

  private final CredentialScopes scopes;
  private final AuditService audit;

  public SitesController(SiteRepository sites, AuditService audit, CredentialScopes scopes) {
    super(sites, audit, "site");
    this.scopes = scopes;
    this.audit = audit;
  }

  /** The networks the site's devices are managed on; device addresses must lie in them. */
  public record MgmtNetworks(List<String> cidrs) {}

  @GetMapping("/{id}/mgmt-networks")
  @RequiresRole(Role.VIEWER)
  public MgmtNetworks mgmtNetworks(@PathVariable long id) {
    return new MgmtNetworks(scopes.mgmtNetworks(id));
  }

  /**
   * Admin only: where devices of the site may point decides where credentials can be sent. Devices
   * already outside the new networks keep their rows, but no secret goes to them.
   */
  @PutMapping("/{id}/mgmt-networks")
  @RequiresRole(Role.ADMIN)
  public MgmtNetworks setMgmtNetworks(
      @PathVariable long id, @RequestBody MgmtNetworks body, Authentication auth) {
    List<String> cidrs = Cidrs.canonical(scopes, "cidrs", body == null ? null : body.cidrs());
    var set = new MgmtNetworks(scopes.setMgmtNetworks(id, cidrs));
    audit.record(auth, "site.mgmt-networks", "site:" + id, Map.of("cidrs", set.cidrs()));
    return set;
  }

  public record SiteBody(
      @NotBlank @Pattern(regexp = Patterns.SITE_CODE) String code,
      @NotBlank @OneLine(max = 200) String name,
      @Size(max = 64) @ValidTimeZone String timeZone)
      implements Body<Site.Spec> {
    @Override
    public Site.Spec toSpec() {
      return new Site.Spec(code, name, timeZone == null ? "UTC" : ZoneId.of(timeZone).getId());
    }
  }
}
