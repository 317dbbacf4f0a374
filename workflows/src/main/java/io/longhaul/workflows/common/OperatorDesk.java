package io.longhaul.workflows.common;

import io.longhaul.contracts.control.Decision;
import io.longhaul.contracts.control.DecisionRefused;
import io.longhaul.contracts.control.PendingDecision;
import io.longhaul.contracts.control.Roles;
import io.longhaul.contracts.control.RunContext;
import io.longhaul.contracts.vocabulary.DecisionKind;
import io.longhaul.contracts.vocabulary.OperatorAction;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The decisions a run waits for, one per (step, target), since parallel steps can park at once. The
 * update validator checks a decision against them before it reaches history: signed by the API
 * ({@link DecisionAuthority}), by a role that covers it, never by one of the change's requesters
 * when it approves or rejects, and issued after the step parked (so an old signature read from
 * history answers nothing new). The handler only posts it, and the waiting step picks it up.
 */
final class OperatorDesk {
  /** How far the API's clock may run behind the workflow's when it signs. */
  private static final long CLOCK_SKEW_MILLIS = 60_000;

  private final Map<String, PendingDecision> pending = new LinkedHashMap<>();
  private final Map<String, Class<?>> inputTypes = new LinkedHashMap<>();
  private final Map<String, Decision> decisions = new LinkedHashMap<>();

  /**
   * Refuses with a typed {@link DecisionRefused}, which the API turns into 400 or 409. {@code
   * requesters}: who may not approve (null for a run begun before they were recorded).
   */
  void validate(Decision d, List<String> requesters) {
    if (d == null || d.action() == null || d.step() == null) {
      throw DecisionRefused.invalid("action", "a decision names its action and step");
    }
    DecisionAuthority.check(Workflow.getInfo().getWorkflowId(), d);
    String key = RunContext.key(d.step(), d.target());
    PendingDecision p = pending.get(key);
    if (p == null || decisions.containsKey(key)) {
      throw DecisionRefused.conflict(
          "step", "nothing is pending for step " + d.step() + " on " + d.target());
    }
    if (d.issuedAtMillis() == null || d.issuedAtMillis() < p.sinceMillis() - CLOCK_SKEW_MILLIS) {
      throw DecisionRefused.conflict("signature", "the decision was issued before the step parked");
    }
    String role = Roles.neededFor(d.action(), p.role());
    if (!Roles.covers(d.role(), role)) {
      throw DecisionRefused.invalid("role", "this decision needs the " + role + " role");
    }
    DecisionKind kind = DecisionKind.of(p.kind());
    if (kind == DecisionKind.APPROVAL && requesters != null && requesters.contains(d.actor())) {
      throw DecisionRefused.invalid(
          "actor", "separation of duties: a requester of the change cannot " + d.action() + " it");
    }
    if (!kind.allows(d.action(), p.skippable())) {
      throw DecisionRefused.invalid(
          "action",
          d.action()
              + " is not allowed here; allowed: "
              + kind.allowed(p.skippable()).stream().map(OperatorAction::value).sorted().toList());
    }
    if (kind == DecisionKind.APPROVAL
        && p.expiresAtMillis() != null
        && Workflow.currentTimeMillis() >= p.expiresAtMillis()) {
      throw DecisionRefused.conflict("step", "the approval request has expired");
    }
    if (d.input() != null) {
      Class<?> type = inputTypes.get(key);
      if (!OperatorAction.RETRY.is(d.action()) || type == null) {
        throw DecisionRefused.invalid("input", "this step takes no edited input");
      }
      String problem;
      try {
        problem = JsonValues.convert(d.input(), type) == null ? "is empty" : null;
      } catch (RuntimeException e) {
        problem = rootMessage(e);
      }
      if (problem != null) {
        throw DecisionRefused.invalid("input", problem);
      }
    }
  }

  String post(Decision d) {
    decisions.put(RunContext.key(d.step(), d.target()), d);
    return d.action();
  }

  /**
   * Parks until an operator decides or the wait runs out (null then). The journal mirrors the
   * pending list before and after.
   */
  Decision await(PendingDecision p, Class<?> inputType, Duration wait, Runnable mirror) {
    String key = RunContext.key(p.step(), p.target());
    decisions.remove(key);
    pending.put(key, p);
    if (inputType != null) {
      inputTypes.put(key, inputType);
    }
    mirror.run();
    try {
      if (wait == null) {
        Workflow.await(() -> decisions.containsKey(key));
      } else {
        Workflow.await(wait, () -> decisions.containsKey(key));
      }
    } finally {
      pending.remove(key);
      inputTypes.remove(key);
    }
    Decision d = decisions.remove(key);
    mirror.run();
    return d;
  }

  List<PendingDecision> pending() {
    return new ArrayList<>(pending.values());
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    int newline = m.indexOf('\n');
    return newline < 0 ? m : m.substring(0, newline);
  }
}
