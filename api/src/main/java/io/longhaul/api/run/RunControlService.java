package io.longhaul.api.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.longhaul.api.audit.AuditService;
import io.longhaul.api.error.BadRequestException;
import io.longhaul.api.error.ConflictException;
import io.longhaul.api.security.Role;
import io.longhaul.contracts.control.Actions;
import io.longhaul.contracts.control.Decision;
import io.longhaul.contracts.control.OperatorControlled;
import io.longhaul.contracts.control.PendingDecision;
import io.longhaul.db.run.Run;
import io.longhaul.db.run.RunEventRepository;
import io.longhaul.db.run.RunRepository;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Operators' decisions on parked runs: retry, skip, abort, approve, reject. Each is checked against
 * the pending decision mirrored in PostgreSQL (so a wrong request gets a precise answer without
 * touching Temporal), sent to the workflow as its {@code decide} update (whose validator checks
 * again, against the workflow's own state), and audited with who and why. A refusal is audited too,
 * then answered.
 */
@Service
public class RunControlService {
  private final RunRepository runs;
  private final RunEventRepository events;
  private final WorkflowClient temporal;
  private final AuditService audit;

  public RunControlService(
      RunRepository runs, RunEventRepository events, WorkflowClient temporal, AuditService audit) {
    this.runs = runs;
    this.events = events;
    this.temporal = temporal;
    this.audit = audit;
  }

  /** Who asks, with which role: approvals need it for separation of duties. */
  public record Actor(String name, Role role) {}

  public String decide(String runId, String action, StepDecisionRequest request, Actor actor) {
    try {
      String outcome = decideChecked(runId, action, request, actor);
      Map<String, Object> detail = detail(request);
      detail.put("outcome", outcome);
      audit.record(actor.name(), "run." + verb(action), "run:" + runId, detail);
      return outcome;
    } catch (BadRequestException | ConflictException | AccessDeniedException e) {
      Map<String, Object> detail = detail(request);
      detail.put("refused", e.getMessage());
      audit.record(actor.name(), "run." + verb(action) + ".refused", "run:" + runId, detail);
      throw e;
    }
  }

  private String decideChecked(
      String runId, String action, StepDecisionRequest request, Actor actor) {
    Run run = runs.get(runId);
    if (run.status().ended()) {
      throw new ConflictException(
          "status", "run " + runId + " has ended (" + run.status().value() + ")");
    }
    PendingDecision pending = match(run, action, request);
    if (Actions.APPROVAL.equals(pending.kind())) {
      if (actor.name().equals(run.requestedBy())) {
        throw new AccessDeniedException(
            "separation of duties: the run's requester cannot " + action + " it");
      }
      Role needed = Role.of(pending.role() == null ? "approver" : pending.role());
      if (actor.role() == null || !actor.role().covers(needed)) {
        throw new AccessDeniedException("this approval needs the " + needed.value() + " role");
      }
      if (pending.expiresAtMillis() != null
          && System.currentTimeMillis() >= pending.expiresAtMillis()) {
        throw new ConflictException("step", "the approval request has expired");
      }
    }
    if (request.input() != null && !Actions.RETRY.equals(action)) {
      throw new BadRequestException("input", "only a retry takes an edited input");
    }
    Decision decision =
        new Decision(
            action,
            pending.step(),
            pending.target(),
            request.input(),
            actor.name(),
            request.reason());
    try {
      return temporal
          .newUntypedWorkflowStub(runId)
          .update(OperatorControlled.DECIDE, String.class, decision);
    } catch (WorkflowUpdateException e) {
      throw refused(e);
    } catch (WorkflowNotFoundException e) {
      // Lost in a restart, or ended outside Longhaul: say which, never a bare 500.
      throw new ConflictException("id", RunWorkflows.whyGone(temporal, runId));
    }
  }

  /** The pending decision the request names; when it names none, the only one of its kind. */
  private PendingDecision match(Run run, String action, StepDecisionRequest request) {
    List<PendingDecision> all = PendingDecisions.parse(run.pending());
    List<PendingDecision> candidates =
        all.stream()
            .filter(p -> request.step() == null || p.step().equals(request.step()))
            .filter(p -> request.target() == null || Objects.equals(p.target(), request.target()))
            .filter(p -> Actions.allowed(p.kind(), true).contains(action))
            .toList();
    if (candidates.isEmpty()) {
      if (request.step() != null && expired(run.id(), request.step(), request.target())) {
        throw new ConflictException("step", "the approval request has expired");
      }
      throw new ConflictException(
          "step",
          "nothing pending that "
              + action
              + " answers"
              + (request.step() == null ? "" : " for step " + request.step()));
    }
    if (candidates.size() > 1) {
      throw new BadRequestException(
          request.step() == null ? "step" : "target",
          "several steps are pending; name the step and target");
    }
    PendingDecision p = candidates.getFirst();
    if (!Actions.allowed(p.kind(), p.skippable()).contains(action)) {
      throw new BadRequestException("action", "step " + p.step() + " cannot be " + past(action));
    }
    return p;
  }

  private boolean expired(String runId, String step, String target) {
    return events.list(runId).stream()
        .anyMatch(
            e ->
                "expired".equals(e.kind())
                    && e.step().equals(step)
                    && (target == null || target.equals(e.target())));
  }

  /** The workflow's validator refused: 409 when the state moved on, 400 for a bad request. */
  private static RuntimeException refused(WorkflowUpdateException e) {
    Throwable t = e.getCause();
    String type = t instanceof ApplicationFailure app ? app.getType() : "";
    String message =
        t instanceof ApplicationFailure app ? app.getOriginalMessage() : e.getMessage();
    String field = "step";
    int colon = message == null ? -1 : message.indexOf(": ");
    if (colon > 0 && message.substring(0, colon).matches("[a-zA-Z.]+")) {
      field = message.substring(0, colon);
      message = message.substring(colon + 2);
    }
    return type.endsWith("IllegalStateException")
        ? new ConflictException(field, message)
        : new BadRequestException(field, message);
  }

  private static Map<String, Object> detail(StepDecisionRequest r) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("reason", r.reason());
    if (r.step() != null) d.put("step", r.step());
    if (r.target() != null) d.put("target", r.target());
    if (r.input() != null) d.put("input", r.input());
    return d;
  }

  private static String verb(String action) {
    return switch (action) {
      case Actions.RETRY -> "retry-step";
      case Actions.SKIP -> "skip-step";
      default -> action;
    };
  }

  private static String past(String action) {
    return switch (action) {
      case Actions.SKIP -> "skipped";
      case Actions.RETRY -> "retried";
      default -> action + "ed";
    };
  }

  static String json(Object value) {
    try {
      return RunService.JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
