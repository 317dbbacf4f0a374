package io.longhaul.workflows.common;

import io.longhaul.contracts.control.PendingDecision;
import io.longhaul.contracts.control.Progress;
import io.longhaul.contracts.control.RunContext;
import io.longhaul.contracts.control.RunControlActivities;
import io.longhaul.contracts.control.StepCompletion;
import io.longhaul.contracts.control.StepWithdrawal;
import io.longhaul.contracts.run.StepEvent;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.Map;

/**
 * The step ledger as the run sees it: read once at the start (the change id and the steps that
 * change already completed), written with each success. Also where the run's code generation is
 * pinned: histories from before the ledger or before in-task steps replay on their old paths.
 */
final class Ledger {
  /**
   * Histories recorded before operator control had neither the ledger read at the start nor the
   * ledger write with each success; they replay on the old path (version DEFAULT_VERSION).
   */
  static final String OPERATOR_CONTROL = "operator-control";

  /**
   * Histories recorded before in-task steps wrote {@code started} separately for every step; they
   * replay on that path (DEFAULT_VERSION).
   */
  static final String IN_TASK_STEPS = "in-task-steps";

  /**
   * Histories recorded before a compensated step's ledger entry was withdrawn wrote only its event;
   * they replay on that path.
   */
  static final String WITHDRAW_UNDONE = "withdraw-undone";

  private final RunControlActivities control =
      Workflow.newLocalActivityStub(RunControlActivities.class, ActivityProfiles.bookkeeping());
  private RunContext context;
  private boolean enabled;
  private boolean inTaskSteps;

  /** Reads the ledger on first use; returns whether this call was the first. */
  boolean begin(String runId) {
    if (context != null) {
      return false;
    }
    enabled = Workflow.getVersion(OPERATOR_CONTROL, Workflow.DEFAULT_VERSION, 1) >= 1;
    inTaskSteps = Workflow.getVersion(IN_TASK_STEPS, Workflow.DEFAULT_VERSION, 1) >= 1;
    context = enabled ? control.begin(runId) : new RunContext(runId, Map.of(), null);
    return true;
  }

  String changeId() {
    return context.changeId();
  }

  /**
   * Who is accountable for the change (separation of duties keeps them from approving it); null
   * before the run began, or for a run begun before the ledger recorded them.
   */
  List<String> requesters() {
    return context == null ? null : context.requesters();
  }

  /** The recorded result of a step this change already completed, as JSON; null if none. */
  String completed(String step, String target) {
    return context.completed().get(RunContext.key(step, target));
  }

  /** Whether a step's started event may wait to be written with its outcome. */
  boolean defersStarted(Step<?> spec) {
    return inTaskSteps && enabled && spec.isInTask();
  }

  /** Writes a success to the ledger with its event; a pre-ledger run has only the timeline. */
  void complete(
      Timeline timeline,
      StepEvent succeeded,
      Object result,
      Progress progress,
      StepEvent deferred) {
    if (enabled) {
      control.completeStep(
          new StepCompletion(
              succeeded, context.changeId(), JsonValues.toJson(result), progress, deferred));
    } else {
      timeline.record(succeeded);
    }
  }

  /**
   * The first event number the run has not used (its timeline goes on after a resume); null in
   * histories recorded before resuming existed.
   */
  Integer nextSeq() {
    return context.nextSeq();
  }

  /** What the run waited for when its workflow was lost; empty unless it was just resumed. */
  List<PendingDecision> parked() {
    return context.parked() == null ? List.of() : context.parked();
  }

  /**
   * Records a step undone by its compensation; withdraws its ledger entry so a re-run of the change
   * applies the step again instead of reusing what was undone.
   */
  void withdraw(Timeline timeline, StepEvent compensated) {
    if (enabled && Workflow.getVersion(WITHDRAW_UNDONE, Workflow.DEFAULT_VERSION, 1) >= 1) {
      control.withdrawStep(new StepWithdrawal(compensated, context.changeId()));
    } else {
      timeline.record(compensated);
    }
  }

  boolean enabled() {
    return enabled;
  }
}
