package io.longhaul.server.lab;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.longhaul.api.audit.AuditService;
import io.longhaul.api.error.BadRequestException;
import io.longhaul.api.security.RequiresRole;
import io.longhaul.api.security.Role;
import io.longhaul.lab.LabDevice;
import io.longhaul.lab.fault.Fault;
import io.longhaul.lab.fault.FaultController;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The embedded lab's devices and fault injection for the portal's Lab page; the same faults as the
 * lab's own admin API, behind Longhaul's login and audited. Exists only when the lab runs.
 */
@RestController
@RequestMapping("/api/v1/lab")
@ConditionalOnProperty(name = "longhaul.lab.enabled", havingValue = "true", matchIfMissing = true)
public class LabController {
  private final LabRuntime runtime;
  private final AuditService audit;

  public LabController(LabRuntime runtime, AuditService audit) {
    this.runtime = runtime;
    this.audit = audit;
  }

  public record DeviceView(String name, String kind, String site, String role, String dialect) {
    static DeviceView of(LabDevice d) {
      return new DeviceView(
          d.name(), d.kind().name().toLowerCase(Locale.ROOT), d.siteCode(), d.role(), d.dialect());
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FaultView(
      String target,
      String type,
      Instant since,
      Long latencyMs,
      String command,
      String interfaceName,
      Long periodMs) {
    static FaultView of(String target, Fault fault, Instant since) {
      return switch (fault) {
        case Fault.Latency l ->
            new FaultView(target, l.type(), since, l.delay().toMillis(), null, null, null);
        case Fault.CommandFails c ->
            new FaultView(target, c.type(), since, null, c.commandPrefix(), null, null);
        case Fault.LinkFlap f ->
            new FaultView(
                target, f.type(), since, null, null, f.interfaceName(), f.period().toMillis());
        default -> new FaultView(target, fault.type(), since, null, null, null, null);
      };
    }
  }

  @GetMapping("/devices")
  @RequiresRole(Role.VIEWER)
  public List<DeviceView> devices() {
    return runtime.lab().devices().stream().map(DeviceView::of).toList();
  }

  @GetMapping("/faults")
  @RequiresRole(Role.VIEWER)
  public List<FaultView> faults() {
    return faults(runtime.lab().faults());
  }

  @PostMapping("/faults")
  @ResponseStatus(HttpStatus.CREATED)
  @RequiresRole(Role.OPERATOR)
  public FaultView inject(@Valid @RequestBody FaultRequest body, Authentication auth) {
    Fault fault = body.toFault();
    try {
      runtime.lab().faults().inject(body.target(), fault);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("target", "is not a lab device or group");
    }
    audit.record(auth, "lab.fault.inject", "lab:" + body.target(), Map.of("type", fault.type()));
    return FaultView.of(body.target(), fault, Instant.now());
  }

  @DeleteMapping("/faults/{target}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @RequiresRole(Role.OPERATOR)
  public void clear(@PathVariable String target, Authentication auth) {
    runtime.lab().faults().clear(target);
    audit.record(auth, "lab.fault.clear", "lab:" + target, Map.of());
  }

  @DeleteMapping("/faults")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @RequiresRole(Role.OPERATOR)
  public void clearAll(Authentication auth) {
    runtime.lab().faults().clearAll();
    audit.record(auth, "lab.fault.clear", "lab:*", Map.of());
  }

  private static List<FaultView> faults(FaultController controller) {
    return controller.active().stream()
        .map(f -> FaultView.of(f.target(), f.fault(), f.since()))
        .toList();
  }
}
