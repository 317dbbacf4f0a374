package io.longhaul.api.inventory;

import io.longhaul.api.audit.AuditService;
import io.longhaul.db.inventory.Network;
import io.longhaul.db.inventory.NetworkRepository;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/networks")
public class NetworksController
    extends InventoryController<Network, NetworksController.NetworkBody, Network.Spec> {

  public NetworksController(NetworkRepository networks, AuditService audit) {
    super(networks, audit, "network");
  }

  public record NetworkBody(
      @NotNull Long siteId,
      @NotBlank @Pattern(regexp = Patterns.DEVICE_NAME) String name,
      @Size(max = 32) List<@NotNull @Pattern(regexp = Patterns.LABEL) String> labels,
      @NotBlank @Pattern(regexp = Patterns.CIDR) String cidr,
      @NotBlank @Pattern(regexp = Patterns.IP) String gateway,
      @NotNull @Min(1) @Max(4094) Integer vlan,
      @Min(1) @Max(16_777_215) Integer vni)
      implements Body<Network.Spec> {
    @Override
    public Network.Spec toSpec() {
      return new Network.Spec(
          siteId, name, labels == null ? List.of() : labels, cidr, gateway, vlan, vni);
    }
  }
}
