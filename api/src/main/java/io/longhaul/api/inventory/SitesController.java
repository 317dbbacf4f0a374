package io.longhaul.api.inventory;

import io.longhaul.api.audit.AuditService;
import io.longhaul.api.validation.OneLine;
import io.longhaul.db.inventory.Site;
import io.longhaul.db.inventory.SiteRepository;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/sites")
public class SitesController
    extends InventoryController<Site, SitesController.SiteBody, Site.Spec> {

  public SitesController(SiteRepository sites, AuditService audit) {
    super(sites, audit, "site");
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
