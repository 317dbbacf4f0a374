package io.longhaul.api.inventory;

import io.longhaul.api.audit.AuditService;
import io.longhaul.db.inventory.HostLink;
import io.longhaul.db.inventory.HostLinkRepository;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/host-links")
public class HostLinksController
    extends InventoryController<HostLink, HostLinksController.HostLinkBody, HostLink.Spec> {

  public HostLinksController(HostLinkRepository links, AuditService audit) {
    super(links, audit, "host-link");
  }

  /** Links created through the API are declared; discovery records the ones it finds. */
  public record HostLinkBody(
      @NotNull Long hypervisorId,
      @NotBlank @Pattern(regexp = Patterns.NIC) String nic,
      @NotNull Long switchId,
      @NotBlank @Pattern(regexp = Patterns.INTERFACE) String interfaceName)
      implements Body<HostLink.Spec> {
    @Override
    public HostLink.Spec toSpec() {
      return new HostLink.Spec(hypervisorId, nic, switchId, interfaceName, "declared");
    }
  }
}
