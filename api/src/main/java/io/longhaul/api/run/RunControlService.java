package io.longhaul.api.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.longhaul.api.audit.AuditService;
import io.longhaul.api.error.BadRequestException;
import io.longhaul.api.error.ConflictException;
import io.longhaul.api.security.Role;
import io.longhaul.contracts.control.Decision;
import io.longhaul.contracts.control.DecisionKey;
import io.longhaul.contracts.control.DecisionRefused;
import io.longhaul.contracts.control.OperatorControlled;
import io.longhaul.contracts.control.PendingDecision;
import io.longhaul.contracts.vocabulary.DecisionKind;
import io.longhaul.contracts.vocabulary.OperatorAction;
import io.longhaul.contracts.vocabulary.StepEventKind;
import io.longhaul.db.run.Run;
import io.longhaul.db.run.RunEventRepository;
import io.longhaul.db.run.RunRepository;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Operators' decisions on parked runs: retry, skip, abort, approve, reject. Each is checked against
 * the pending decision mirrored in PostgreSQL (so a wrong request gets a precise answer without
 * touching Temporal), signed with the {@link DecisionKey} (who decides, with which role, when),
 * sent to the workflow as its {@code decide} update (whose validator checks the signature and the
 * same rules again, against the workflow's own state), and audited with who and why. A refusal is
 * audited too, then answered.
 */
@Service
public class RunControlService {
  private final RunRepository runs;
  private final RunEventRepository events;
  private final WorkflowClient temporal;
  private final AuditService audit;
  private final DecisionKey key;

  public RunControlService(
      RunRepository runs,
      RunEventRepository events,
      WorkflowClient temporal,
      AuditService audit,
      DecisionKey key) {
    this.runs = runs;
    this.events = events;
    this.temporal = temporal;
    this.audit = audit;
    this.key = key;
  }

  /** Who asks, with which role: approvals need it for separation of duties. */
  public record Actor(String name, Role role) {}

  public String decide(
      String runId, OperatorAction action, StepDecisionRequest request, Actor actor) {
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
      String runId, OperatorAction action, StepDecisionRequest request, Actor actor) {
    Run run = runs.get(runId);
    if (run.status().ended()) {
      throw new ConflictException(
          "status", "run " + runId + " has ended (" + run.status().value() + ")");
    }
    PendingDecision pending = match(run, action, request);
    if (DecisionKind.APPROVAL.is(pending.kind())) {
      // Everyone accountable for the change: its requester (a schedule's owner), and whoever
      // re-ran any of its runs.
      if (runs.requestersOfChange(run.changeId()).contains(actor.name())) {
        throw new AccessDeniedException(
            "separation of duties: a requester of the run's change cannot "
                + action.value()
                + " it");
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
    if (request.input() != null && action != OperatorAction.RETRY) {
      throw new BadRequestException("input", "only a retry takes an edited input");
    }
    Decision decision =
        key.sign(
            runId,
            Decision.unsigned(
                action.value(),
                pending.step(),
                pending.target(),
                request.input(),
                actor.name(),
                request.reason()),
            actor.role() == null ? null : actor.role().value(),
            System.currentTimeMillis());
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
  private PendingDecision match(Run run, OperatorAction action, StepDecisionRequest request) {
    List<PendingDecision> all = PendingDecisions.parse(run.pending());
    List<PendingDecision> candidates =
        all.stream()
            .filter(p -> request.step() == null || p.step().equals(request.step()))
            .filter(p -> request.target() == null || Objects.equals(p.target(), request.target()))
            .filter(p -> DecisionKind.of(p.kind()).allowed(true).contains(action))
            .toList();
    if (candidates.isEmpty()) {
      if (request.step() != null && expired(run.id(), request.step(), request.target())) {
        throw new ConflictException("step", "the approval request has expired");
      }
      throw new ConflictException(
          "step",
          "nothing pending that "
              + action.value()
              + " answers"
              + (request.step() == null ? "" : " for step " + request.step()));
    }
    if (candidates.size() > 1) {
      throw new BadRequestException(
          request.step() == null ? "step" : "target",
          "several steps are pending; name the step and target");
    }
    PendingDecision p = candidates.getFirst();
    if (!DecisionKind.of(p.kind()).allowed(p.skippable()).contains(action)) {
      throw new BadRequestException("action", "step " + p.step() + " cannot be " + action.past());
    }
    return p;
  }

  private boolean expired(String runId, String step, String target) {
    return events.list(runId).stream()
        .anyMatch(
            e ->
                StepEventKind.EXPIRED.is(e.kind())
                    && e.step().equals(step)
                    && (target == null || target.equals(e.target())));
  }

  /**
   * The workflow's validator refused: 409 when the state moved on, 400 for a bad request. A refusal
   * that is not a DecisionRefused (a worker on older code) is a 409 on the step, with its message.
   */
  private static RuntimeException refused(WorkflowUpdateException e) {
    DecisionRefused.Refusal r =
        DecisionRefused.of(e)
            .orElseGet(
                () ->
                    new DecisionRefused.Refusal(
                        DecisionRefused.Reason.CONFLICT,
                        "step",
                        e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
    String field = r.field() == null ? "step" : r.field();
    return r.reason() == DecisionRefused.Reason.CONFLICT
        ? new ConflictException(field, r.message())
        : new BadRequestException(field, r.message());
  }

  private static Map<String, Object> detail(StepDecisionRequest r) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("reason", r.reason());
    if (r.step() != null) d.put("step", r.step());
    if (r.target() != null) d.put("target", r.target());
    if (r.input() != null) d.put("input", r.input());
    return d;
  }

  private static String verb(OperatorAction action) {
    return switch (action) {
      case RETRY -> "retry-step";
      case SKIP -> "skip-step";
      default -> action.value();
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
