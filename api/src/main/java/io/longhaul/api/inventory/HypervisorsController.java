package io.longhaul.api.inventory;

import io.longhaul.api.audit.AuditService;
import io.longhaul.db.inventory.Hypervisor;
import io.longhaul.db.inventory.HypervisorRepository;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/hypervisors")
public class HypervisorsController
    extends InventoryController<Hypervisor, HypervisorsController.HypervisorBody, Hypervisor.Spec> {

  private final DevicePlacement placement;

  public HypervisorsController(
      HypervisorRepository hypervisors, AuditService audit, DevicePlacement placement) {
    super(hypervisors, audit, "hypervisor");
    this.placement = placement;
  }

  @Override
  protected Hypervisor.Spec admit(Hypervisor current, Hypervisor.Spec s, Authentication auth) {
    var bound =
        placement.admit(
            current == null
                ? null
                : device(
                    current.siteId(), current.address(), current.sshPort(), current.credentialId()),
            device(s.siteId(), s.address(), s.sshPort(), s.credentialId()),
            auth);
    return new Hypervisor.Spec(
        s.siteId(),
        s.name(),
        s.address(),
        s.sshPort(),
        bound.get("credentialId"),
        s.cpuCores(),
        s.memoryMb(),
        s.cpuOvercommit(),
        s.memoryOvercommit(),
        s.maintenance());
  }

  private static DevicePlacement.Device device(
      long siteId, String address, int ssh, Long credential) {
    Map<String, Long> credentials = new LinkedHashMap<>();
    credentials.put("credentialId", credential);
    return DevicePlacement.Device.at(
        "hypervisor", siteId, "address", address, Map.of("ssh", ssh), credentials);
  }

  public record HypervisorBody(
      @NotNull Long siteId,
      @NotBlank @Pattern(regexp = Patterns.DEVICE_NAME) String name,
      @NotBlank @Pattern(regexp = Patterns.IP) String address,
      @Min(1) @Max(65535) Integer sshPort,
      Long credentialId,
      @NotNull @Min(1) Integer cpuCores,
      @NotNull @Min(1) Long memoryMb,
      @DecimalMin("1.0") @DecimalMax("10.0") BigDecimal cpuOvercommit,
      @DecimalMin("1.0") @DecimalMax("10.0") BigDecimal memoryOvercommit,
      Boolean maintenance)
      implements Body<Hypervisor.Spec> {
    @Override
    public Hypervisor.Spec toSpec() {
      return new Hypervisor.Spec(
          siteId,
          name,
          address,
          sshPort == null ? 22 : sshPort,
          credentialId,
          cpuCores,
          memoryMb,
          cpuOvercommit == null ? new BigDecimal("2.0") : cpuOvercommit,
          memoryOvercommit == null ? new BigDecimal("1.2") : memoryOvercommit,
          Boolean.TRUE.equals(maintenance));
    }
  }
}
