package io.longhaul.workflows.common;

import io.longhaul.contracts.control.Actions;
import io.longhaul.contracts.control.Decision;
import io.longhaul.contracts.control.PendingDecision;
import io.longhaul.contracts.control.Roles;
import io.longhaul.contracts.control.RunContext;
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

  /** {@code requesters}: who may not approve (null for a run begun before they were recorded). */
  void validate(Decision d, List<String> requesters) {
    if (d == null || d.action() == null || d.step() == null) {
      throw new IllegalArgumentException("action: a decision names its action and step");
    }
    DecisionAuthority.check(Workflow.getInfo().getWorkflowId(), d);
    String key = RunContext.key(d.step(), d.target());
    PendingDecision p = pending.get(key);
    if (p == null || decisions.containsKey(key)) {
      throw new IllegalStateException(
          "step: nothing is pending for step " + d.step() + " on " + d.target());
    }
    if (d.issuedAtMillis() == null || d.issuedAtMillis() < p.sinceMillis() - CLOCK_SKEW_MILLIS) {
      throw new IllegalStateException("signature: the decision was issued before the step parked");
    }
    String role = Roles.neededFor(d.action(), p.role());
    if (!Roles.covers(d.role(), role)) {
      throw new IllegalArgumentException("role: this decision needs the " + role + " role");
    }
    if (Actions.APPROVAL.equals(p.kind()) && requesters != null && requesters.contains(d.actor())) {
      throw new IllegalArgumentException(
          "actor: separation of duties: a requester of the change cannot " + d.action() + " it");
    }
    if (!Actions.allowed(p.kind(), p.skippable()).contains(d.action())) {
      throw new IllegalArgumentException(
          "action: "
              + d.action()
              + " is not allowed here; allowed: "
              + Actions.allowed(p.kind(), p.skippable()).stream().sorted().toList());
    }
    if (Actions.APPROVAL.equals(p.kind())
        && p.expiresAtMillis() != null
        && Workflow.currentTimeMillis() >= p.expiresAtMillis()) {
      throw new IllegalStateException("step: the approval request has expired");
    }
    if (d.input() != null) {
      Class<?> type = inputTypes.get(key);
      if (!Actions.RETRY.equals(d.action()) || type == null) {
        throw new IllegalArgumentException("input: this step takes no edited input");
      }
      try {
        if (JsonValues.convert(d.input(), type) == null) {
          throw new IllegalArgumentException("input: is empty");
        }
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("input: " + rootMessage(e));
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
