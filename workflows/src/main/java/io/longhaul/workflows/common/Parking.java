package io.longhaul.workflows.common;

import io.longhaul.contracts.control.Decision;
import io.longhaul.contracts.control.PendingDecision;
import io.longhaul.contracts.vocabulary.DecisionKind;
import io.longhaul.contracts.vocabulary.OperatorAction;
import io.longhaul.contracts.vocabulary.StepEventKind;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a run waits for an operator: the pending decisions it offers (a failed step, an approval, a
 * failed undo), each recorded on the timeline as parked and then as decided.
 */
final class Parking {
  private final OperatorDesk desk;
  private final Timeline timeline;
  private final Runnable mirror;
  private final List<PendingDecision> restored = new ArrayList<>();

  Parking(OperatorDesk desk, Timeline timeline, Runnable mirror) {
    this.desk = desk;
    this.timeline = timeline;
    this.mirror = mirror;
  }

  /** A step that failed after its retry policy: retry, skip (where allowed) or abort. */
  static PendingDecision failure(
      String step, String target, int attempt, Throwable error, boolean skippable, Duration wait) {
    long now = Workflow.currentTimeMillis();
    return new PendingDecision(
        DecisionKind.FAILURE.value(),
        step,
        target,
        attempt,
        FailureText.typeOf(error),
        FailureText.messageOf(error),
        skippable,
        null,
        null,
        now,
        wait == null ? null : now + wait.toMillis());
  }

  /** A step that waits for an approver before it runs. */
  static PendingDecision approval(String step, String target, Approval approval) {
    long now = Workflow.currentTimeMillis();
    return new PendingDecision(
        DecisionKind.APPROVAL.value(),
        step,
        target,
        1,
        null,
        null,
        false,
        approval.plan(),
        approval.role(),
        now,
        approval.expiresAfter() == null ? null : now + approval.expiresAfter().toMillis());
  }

  /** An undo that failed: retry or skip, under the step name {@code undo:<step>}. */
  static PendingDecision undo(
      String step, String target, int attempt, Throwable error, Duration wait) {
    long now = Workflow.currentTimeMillis();
    return new PendingDecision(
        DecisionKind.COMPENSATION.value(),
        "undo:" + step,
        target,
        attempt,
        FailureText.typeOf(error),
        FailureText.messageOf(error),
        true,
        null,
        null,
        now,
        wait == null ? null : now + wait.toMillis());
  }

  /** Decisions the run waited for when its workflow was lost: it waits for them again. */
  void restore(List<PendingDecision> parked) {
    restored.addAll(parked);
  }

  /** The decision of this kind the run waited for at this step before its workflow was lost. */
  PendingDecision takeRestored(String kind, String step, String target) {
    for (PendingDecision p : restored) {
      if (p.kind().equals(kind) && p.step().equals(step) && Objects.equals(p.target(), target)) {
        restored.remove(p);
        return p;
      }
    }
    return null;
  }

  /** How long until {@code untilMillis}, never negative: what is left of a restored wait. */
  static Duration remaining(Long untilMillis) {
    return untilMillis == null
        ? null
        : Duration.ofMillis(Math.max(0, untilMillis - Workflow.currentTimeMillis()));
  }

  /** Waits for an operator; null when the wait ran out unanswered. */
  Decision park(PendingDecision p, Class<?> inputType, Duration wait) {
    timeline.record(p.step(), p.target(), StepEventKind.PARKED, p.attempt(), null, null);
    Decision d = desk.await(p, inputType, wait, mirror);
    if (d != null) {
      StepEventKind kind =
          switch (OperatorAction.of(d.action())) {
            case APPROVE -> StepEventKind.APPROVED;
            case REJECT -> StepEventKind.REJECTED;
            default -> StepEventKind.DECIDED;
          };
      timeline.record(p.step(), p.target(), kind, p.attempt(), null, detail(d));
    }
    return d;
  }

  /** A decision as the timeline shows it: action, who, why and any edited input. */
  static String detail(Decision d) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("action", d.action());
    detail.put("actor", d.actor());
    detail.put("reason", d.reason());
    if (d.input() != null) {
      detail.put("input", d.input());
    }
    return JsonValues.toJson(detail);
  }
}
