package io.longhaul.api.hdfsmigration;

import io.longhaul.api.audit.AuditService;
import io.longhaul.api.error.BadRequestException;
import io.longhaul.api.error.ConflictException;
import io.longhaul.api.run.RunWorkflows;
import io.longhaul.api.security.CurrentUser;
import io.longhaul.api.security.RequiresRole;
import io.longhaul.api.security.Role;
import io.longhaul.api.validation.OneLine;
import io.longhaul.contracts.control.DecisionRefused;
import io.longhaul.contracts.hdfsmigration.CapChange;
import io.longhaul.contracts.hdfsmigration.HdfsMigration;
import io.longhaul.contracts.hdfsmigration.HdfsMigrationWorkflow;
import io.longhaul.contracts.hdfsmigration.MigrationProgress;
import io.longhaul.contracts.hdfsmigration.SoakEnd;
import io.longhaul.db.run.Run;
import io.longhaul.db.run.RunRepository;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/runs/{id}/hdfs-migration}: a live migration's progress in its own terms (phase,
 * bytes and blocks, rate, ETA, cap, NameNode and link, replicas per DC, fsck, soak), the operator's
 * cap (the workflow's {@code setCap} update; the Mover has it within a second) and the soak's early
 * end with a reason. Changes are audited.
 */
@RestController
@RequestMapping("/api/v1/runs/{id}/hdfs-migration")
public class HdfsMigrationController {
  private final RunRepository runs;
  private final WorkflowClient temporal;
  private final AuditService audit;

  public HdfsMigrationController(RunRepository runs, WorkflowClient temporal, AuditService audit) {
    this.runs = runs;
    this.temporal = temporal;
    this.audit = audit;
  }

  public record CapRequest(
      @NotNull @Min(1_000_000) @Max(25_000_000_000L) Long bytesPerSec,
      @NotBlank @OneLine(max = 500) String reason) {}

  public record EndSoakRequest(@NotBlank @OneLine(max = 500) String reason) {}

  public record Changed(String runId, String change, Object value) {}

  @GetMapping
  @RequiresRole(Role.VIEWER)
  public MigrationProgress progress(@PathVariable String id) {
    return call(id, () -> stub(id).migration());
  }

  @PostMapping("/cap")
  @RequiresRole(Role.OPERATOR)
  public ResponseEntity<Changed> cap(
      @PathVariable String id, @Valid @RequestBody CapRequest body, Authentication auth) {
    String who = CurrentUser.name(auth);
    long cap =
        call(id, () -> stub(id).setCap(new CapChange(body.bytesPerSec(), who, body.reason())));
    audit.record(
        who, "run.hdfs-cap", "run:" + id, Map.of("bytesPerSec", cap, "reason", body.reason()));
    return ResponseEntity.ok(new Changed(id, "cap", cap));
  }

  @PostMapping("/end-soak")
  @RequiresRole(Role.OPERATOR)
  public ResponseEntity<Changed> endSoak(
      @PathVariable String id, @Valid @RequestBody EndSoakRequest body, Authentication auth) {
    String who = CurrentUser.name(auth);
    String answer = call(id, () -> stub(id).endSoak(new SoakEnd(who, body.reason())));
    audit.record(who, "run.hdfs-end-soak", "run:" + id, Map.of("reason", body.reason()));
    return ResponseEntity.accepted().body(new Changed(id, "end-soak", answer));
  }

  private HdfsMigrationWorkflow stub(String id) {
    return temporal.newWorkflowStub(HdfsMigrationWorkflow.class, id);
  }

  /** The live workflow's answer; 404 for no such run, 409 for another operation or an ended run. */
  private <T> T call(String id, Supplier<T> body) {
    Run run = runs.get(id);
    if (!HdfsMigration.NAME.equals(run.operation())) {
      throw new ConflictException(
          "id", "run " + id + " is a " + run.operation() + ", not an HDFS migration");
    }
    if (run.status().ended()) {
      throw new ConflictException("id", "run " + id + " has ended (" + run.status().value() + ")");
    }
    try {
      return body.get();
    } catch (WorkflowUpdateException e) {
      DecisionRefused.Refusal r =
          DecisionRefused.of(e)
              .orElse(
                  new DecisionRefused.Refusal(
                      DecisionRefused.Reason.CONFLICT,
                      "id",
                      e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
      throw r.reason() == DecisionRefused.Reason.CONFLICT
          ? new ConflictException(r.field(), r.message())
          : new BadRequestException(r.field(), r.message());
    } catch (WorkflowNotFoundException e) {
      throw new ConflictException("id", RunWorkflows.whyGone(temporal, id));
    }
  }
}
