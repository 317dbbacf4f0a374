package io.longhaul.api.audit;

import io.longhaul.api.error.ConflictException;
import io.longhaul.api.security.RequiresRole;
import io.longhaul.api.security.Role;
import io.longhaul.db.audit.AuditAnchor;
import io.longhaul.db.audit.AuditEntry;
import io.longhaul.db.audit.AuditLogRepository;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
public class AuditController {
  private final AuditLogRepository log;
  private final AuditAnchor anchor;

  public AuditController(AuditLogRepository log, AuditAnchor anchor) {
    this.log = log;
    this.anchor = anchor;
  }

  /** Entries oldest first, and the signed head they lead to: verifiable away from the database. */
  public record Export(AuditAnchor.Checkpoint head, List<AuditEntry> entries) {}

  @GetMapping
  @RequiresRole(Role.APPROVER)
  public List<AuditEntry> list(
      @RequestParam(required = false) Long before,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
    return log.list(before, limit);
  }

  /** The chain walked from its genesis, held against the last signed checkpoint. */
  @GetMapping("/verify")
  @RequiresRole(Role.APPROVER)
  public AuditAnchor.Verification verify() {
    return anchor.verify();
  }

  /** Checkpoints the head now (as the periodic checkpoint does); 409 when the chain is broken. */
  @PostMapping("/checkpoint")
  @RequiresRole(Role.ADMIN)
  public AuditAnchor.Checkpoint checkpoint() {
    return anchor
        .checkpoint()
        .orElseThrow(
            () -> new ConflictException("chain", "the chain does not extend the last checkpoint"));
  }

  /** Every entry up to a fresh checkpoint, oldest first, with that checkpoint as the head. */
  @GetMapping("/export")
  @RequiresRole(Role.APPROVER)
  public Export export() {
    AuditAnchor.Checkpoint head =
        anchor
            .checkpoint()
            .orElseThrow(
                () ->
                    new ConflictException(
                        "chain", "the chain does not extend the last checkpoint; see /verify"));
    return new Export(head, log.listUpTo(head.headId()));
  }
}
