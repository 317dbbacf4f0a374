package io.longhaul.workflows.common;

import io.longhaul.contracts.run.RunOutcome;
import io.longhaul.contracts.run.RunRecorderActivities;
import io.longhaul.contracts.run.StepEvent;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Workflow;

/**
 * A run's journal: wraps the workflow body and each step, reporting status and step events to the
 * run records. Created once per workflow execution, inside the workflow.
 *
 * <p>Event sequence numbers come from a workflow-side counter, so replays produce the same numbers
 * and a retried report lands once.
 */
public final class RunJournal {
  private final RunRecorderActivities recorder =
      Workflow.newLocalActivityStub(RunRecorderActivities.class, ActivityProfiles.bookkeeping());
  private final String runId = Workflow.getInfo().getWorkflowId();
  private int seq;

  public RunJournal() {
    this(0);
  }

  /** Continues numbering after {@code firstSeq - 1}, e.g. across continue-as-new. */
  public RunJournal(int firstSeq) {
    this.seq = firstSeq;
  }

  public int nextSeq() {
    return seq;
  }

  /** Runs the whole workflow body and reports how it ended. */
  public <R> R run(Functions.Func<R> body) {
    try {
      R result = body.apply();
      outcome("succeeded", null);
      return result;
    } catch (CanceledFailure e) {
      // The workflow's scope is cancelled; report from a scope that is not.
      Workflow.newDetachedCancellationScope(() -> outcome("cancelled", e)).run();
      throw e;
    } catch (TemporalFailure | IllegalArgumentException | IllegalStateException e) {
      outcome("failed", e);
      throw e;
    }
  }

  /** Runs one step, recording started and succeeded, or failed with its typed cause. */
  public <R> R step(String step, String target, Functions.Func<R> body) {
    event(step, target, "started", null, null);
    try {
      R result = body.apply();
      event(step, target, "succeeded", null, null);
      return result;
    } catch (TemporalFailure e) {
      if (!(e instanceof CanceledFailure)) {
        event(step, target, "failed", e, null);
      }
      throw e;
    }
  }

  /** A step with no result. */
  public void step(String step, String target, Functions.Proc body) {
    step(
        step,
        target,
        () -> {
          body.apply();
          return null;
        });
  }

  /** Records a free-standing event, e.g. a compensation or a skip. */
  public void event(String step, String target, String kind, Throwable error, String detailJson) {
    recorder.recordEvent(
        new StepEvent(
            runId,
            seq++,
            step,
            target,
            kind,
            1,
            error == null ? null : typeOf(error),
            error == null ? null : messageOf(error),
            detailJson,
            Workflow.currentTimeMillis()));
  }

  private void outcome(String status, Throwable error) {
    recorder.recordOutcome(
        new RunOutcome(
            runId,
            status,
            error == null ? null : typeOf(error),
            error == null ? null : messageOf(error)));
  }

  /** The failure's type: the innermost ApplicationFailure's, else the exception's class name. */
  static String typeOf(Throwable error) {
    ApplicationFailure app = applicationCause(error);
    return app != null ? app.getType() : error.getClass().getSimpleName();
  }

  static String messageOf(Throwable error) {
    ApplicationFailure app = applicationCause(error);
    return app != null ? app.getOriginalMessage() : error.getMessage();
  }

  private static ApplicationFailure applicationCause(Throwable error) {
    Throwable t = error;
    while (t != null) {
      if (t instanceof ApplicationFailure app) {
        return app;
      }
      t = t.getCause();
    }
    return null;
  }
}
