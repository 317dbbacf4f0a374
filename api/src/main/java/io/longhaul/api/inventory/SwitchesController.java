package io.longhaul.api.inventory;

import io.longhaul.api.audit.AuditService;
import io.longhaul.db.inventory.NetworkSwitch;
import io.longhaul.db.inventory.SwitchRepository;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/switches")
public class SwitchesController
    extends InventoryController<NetworkSwitch, SwitchesController.SwitchBody, NetworkSwitch.Spec> {

  private final DevicePlacement placement;

  public SwitchesController(
      SwitchRepository switches, AuditService audit, DevicePlacement placement) {
    super(switches, audit, "switch");
    this.placement = placement;
  }

  @Override
  protected NetworkSwitch.Spec admit(
      NetworkSwitch current, NetworkSwitch.Spec s, Authentication auth) {
    var bound =
        placement.admit(
            current == null
                ? null
                : device(
                    current.siteId(),
                    current.mgmtAddress(),
                    current.sshPort(),
                    current.snmpPort(),
                    current.sshCredentialId(),
                    current.snmpCredentialId()),
            device(
                s.siteId(),
                s.mgmtAddress(),
                s.sshPort(),
                s.snmpPort(),
                s.sshCredentialId(),
                s.snmpCredentialId()),
            auth);
    return new NetworkSwitch.Spec(
        s.siteId(),
        s.name(),
        s.role(),
        s.dialect(),
        s.leafPair(),
        s.mgmtAddress(),
        s.sshPort(),
        s.snmpPort(),
        bound.get("sshCredentialId"),
        bound.get("snmpCredentialId"),
        s.snmpContext());
  }

  private static DevicePlacement.Device device(
      long siteId, String address, int ssh, int snmp, Long sshCredential, Long snmpCredential) {
    Map<String, Long> credentials = new LinkedHashMap<>();
    credentials.put("sshCredentialId", sshCredential);
    credentials.put("snmpCredentialId", snmpCredential);
    return DevicePlacement.Device.at(
        "switch", siteId, "mgmtAddress", address, Map.of("ssh", ssh, "snmp", snmp), credentials);
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
