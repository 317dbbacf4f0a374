package io.longhaul.workflows.common;

import io.longhaul.contracts.run.RunOutcome;
import io.longhaul.contracts.run.RunRecorderActivities;
import io.longhaul.contracts.run.StepEvent;
import io.temporal.workflow.Workflow;

/**
 * The run's timeline: step events numbered by a workflow-side counter (so a replay produces the
 * same numbers and a retried report lands once) and the run's outcome, written through local
 * activities.
 */
final class Timeline {
  private final RunRecorderActivities recorder =
      Workflow.newLocalActivityStub(RunRecorderActivities.class, ActivityProfiles.bookkeeping());
  private final String runId;
  private int seq;

  Timeline(String runId, int firstSeq) {
    this.runId = runId;
    this.seq = firstSeq;
  }

  int nextSeq() {
    return seq;
  }

  /** Continues numbering where a previous execution of the run stopped. */
  void continueFrom(int firstSeq) {
    seq = Math.max(seq, firstSeq);
  }

  /** Numbers an event without writing it, for a report that goes out with something else. */
  StepEvent event(
      String step, String target, String kind, int attempt, Throwable error, String detailJson) {
    return new StepEvent(
        runId,
        seq++,
        step,
        target,
        kind,
        attempt,
        error == null ? null : FailureText.typeOf(error),
        error == null ? null : FailureText.messageOf(error),
        detailJson,
        Workflow.currentTimeMillis());
  }

  void record(
      String step, String target, String kind, int attempt, Throwable error, String detailJson) {
    record(event(step, target, kind, attempt, error, detailJson));
  }

  void record(StepEvent event) {
    recorder.recordEvent(event);
  }

  void outcome(String status, Throwable error, String resultJson) {
    recorder.recordOutcome(
        new RunOutcome(
            runId,
            status,
            error == null ? null : FailureText.typeOf(error),
            error == null ? null : FailureText.messageOf(error),
            resultJson));
  }
}
