package io.longhaul.api.audit;

import io.longhaul.api.security.RequiresRole;
import io.longhaul.api.security.Role;
import io.longhaul.db.audit.AuditEntry;
import io.longhaul.db.audit.AuditLogRepository;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
public class AuditController {
  private final AuditLogRepository log;

  public AuditController(AuditLogRepository log) {
    this.log = log;
  }

  public record Verification(boolean intact, Long firstBrokenId) {}

  @GetMapping
  @RequiresRole(Role.APPROVER)
  public List<AuditEntry> list(
      @RequestParam(required = false) Long before,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
    return log.list(before, limit);
  }

  @GetMapping("/verify")
  @RequiresRole(Role.APPROVER)
  public Verification verify() {
    var broken = log.firstBrokenLink();
    return new Verification(broken.isEmpty(), broken.orElse(null));
  }
}
