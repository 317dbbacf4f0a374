package io.longhaul.contracts.control;

import io.temporal.activity.ActivityInterface;

/** The journal's bookkeeping for operator control; local activities on the workflow worker. */
@ActivityInterface
public interface RunControlActivities {
  /** The run's change id and the steps its change already completed. */
  RunContext begin(String runId);

  /** Records a succeeded step: timeline event, ledger entry and progress, in one transaction. */
  void completeStep(StepCompletion completion);

  /**
   * Records a compensated step: withdraws its ledger entry, so a re-run of the change applies it
   * again instead of reusing what was undone, and writes the {@code compensated} event.
   */
  void withdrawStep(StepWithdrawal withdrawal);

  /** Mirrors the run's live status, pending decisions and progress. */
  void mirror(RunMirror mirror);
}
