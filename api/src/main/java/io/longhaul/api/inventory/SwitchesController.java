package io.longhaul.api.inventory;

import io.longhaul.api.audit.AuditService;
import io.longhaul.db.inventory.NetworkSwitch;
import io.longhaul.db.inventory.SwitchRepository;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/switches")
public class SwitchesController
    extends InventoryController<NetworkSwitch, SwitchesController.SwitchBody, NetworkSwitch.Spec> {

  public SwitchesController(SwitchRepository switches, AuditService audit) {
    super(switches, audit, "switch");
  }

  public record SwitchBody(
      @NotNull Long siteId,
      @NotBlank @Pattern(regexp = Patterns.DEVICE_NAME) String name,
      @NotBlank @Pattern(regexp = "leaf|spine") String role,
      @NotBlank @Pattern(regexp = "nxos|eos") String dialect,
      @Pattern(regexp = Patterns.DEVICE_NAME) String leafPair,
      @NotBlank @Pattern(regexp = Patterns.IP) String mgmtAddress,
      @Min(1) @Max(65535) Integer sshPort,
      @Min(1) @Max(65535) Integer snmpPort,
      Long sshCredentialId,
      Long snmpCredentialId,
      @Pattern(regexp = "[A-Za-z0-9._/-]{0,32}") String snmpContext)
      implements Body<NetworkSwitch.Spec> {
    @Override
    public NetworkSwitch.Spec toSpec() {
      return new NetworkSwitch.Spec(
          siteId,
          name,
          role,
          dialect,
          leafPair,
          mgmtAddress,
          sshPort == null ? 22 : sshPort,
          snmpPort == null ? 161 : snmpPort,
          sshCredentialId,
          snmpCredentialId,
          snmpContext);
    }
  }
}
