package io.longhaul.workflows.common;

import io.longhaul.contracts.control.Decision;
import io.longhaul.contracts.control.PendingDecision;
import io.longhaul.contracts.run.StepEvent;
import io.longhaul.contracts.vocabulary.DecisionKind;
import io.longhaul.contracts.vocabulary.OperatorAction;
import io.longhaul.contracts.vocabulary.StepEventKind;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Functions;
import java.time.Duration;

/**
 * Runs one step the journal's way: reused from the ledger when the change already completed it,
 * after its approval, inside its window, holding its leases; a failure after the step's retry
 * policy parks it for an operator to retry (optionally with an edited input), skip or abort.
 */
final class StepRunner {
  static final String ABORTED = "AbortedByOperator";
  static final String REJECTED = "ApprovalRejected";
  static final String EXPIRED = "ApprovalExpired";

  private final RunJournal journal;
  private final Ledger ledger;
  private final Timeline timeline;
  private final ProgressBoard progress;
  private final Parking parking;
  private final LeaseKeeper leases;
  private final Compensator compensator;

  StepRunner(
      RunJournal journal,
      Ledger ledger,
      Timeline timeline,
      ProgressBoard progress,
      Parking parking,
      LeaseKeeper leases,
      Compensator compensator) {
    this.journal = journal;
    this.ledger = ledger;
    this.timeline = timeline;
    this.progress = progress;
    this.parking = parking;
    this.leases = leases;
    this.compensator = compensator;
  }

  <I, R> R run(Step<R> spec, I input, Functions.Func1<I, R> body) {
    if (spec.compensation() != null) {
      compensator.register(spec.name(), spec.target(), spec.compensation());
    } else if (spec.undo() != null) {
      compensator.register(spec.name(), spec.target(), spec.undo(), spec.undoArg());
    }
    String recorded = ledger.completed(spec.name(), spec.target());
    if (spec.resultType() != null && recorded != null) {
      R reused = JsonValues.fromJson(recorded, spec.resultType());
      timeline.record(spec.name(), spec.target(), StepEventKind.REUSED, 1, null, null);
      progress.stepDone();
      return reused;
    }
    if (spec.approval() != null) {
      awaitApproval(spec);
    }
    if (!spec.scopes().isEmpty()) {
      journal.windows().awaitOpen(spec.name(), spec.target(), spec.scopes(), spec.expected());
    }
    return journal.withLeases(
        spec.leasePolicy(), spec.leaseNames(), () -> attempt(spec, input, body));
  }

  private <I, R> R attempt(Step<R> spec, I input, Functions.Func1<I, R> body) {
    I current = input;
    for (int attempt = 1; ; attempt++) {
      PendingDecision was =
          attempt == 1
              ? parking.takeRestored(DecisionKind.FAILURE.value(), spec.name(), spec.target())
              : null;
      if (was != null) {
        attempt = was.attempt();
      }
      if (attempt > 1 && was == null && !spec.scopes().isEmpty()) {
        // A retry decided hours later must still fall inside a window.
        journal.windows().awaitOpen(spec.name(), spec.target(), spec.scopes(), spec.expected());
      }
      progress.stepping(spec.name(), spec.target());
      StepEvent started =
          timeline.event(spec.name(), spec.target(), StepEventKind.STARTED, attempt, null, null);
      // An in-task step's started event waits for its outcome: one local activity, not two.
      StepEvent deferred = ledger.defersStarted(spec) ? started : null;
      if (deferred == null && was == null) {
        timeline.record(started);
      }
      try {
        if (was != null) {
          // Parked on this failure when the workflow was lost: park again, without applying it.
          throw ApplicationFailure.newNonRetryableFailure(was.errorMessage(), was.errorType());
        }
        R result = body.apply(current);
        progress.stepDone();
        StepEvent succeeded =
            timeline.event(
                spec.name(), spec.target(), StepEventKind.SUCCEEDED, attempt, null, null);
        ledger.complete(timeline, succeeded, result, journal.progress(), deferred);
        return result;
      } catch (CanceledFailure e) {
        throw e;
      } catch (TemporalFailure e) {
        if (was == null) {
          if (deferred != null) {
            timeline.record(deferred);
          }
          timeline.record(spec.name(), spec.target(), StepEventKind.FAILED, attempt, e, null);
        }
        if (CancellationScope.current().isCancelRequested()) {
          throw e;
        }
        Duration wait =
            was != null
                ? Parking.remaining(was.expiresAtMillis())
                : spec.giveUpAfterOr(journal.giveUpAfter());
        Decision d =
            parking.park(
                was != null
                    ? was
                    : Parking.failure(
                        spec.name(), spec.target(), attempt, e, spec.isSkippable(), wait),
                input == null ? null : input.getClass(),
                wait);
        if (d == null) {
          throw e; // nobody decided in time: the run fails with the step's error
        }
        switch (OperatorAction.of(d.action())) {
          case RETRY -> {
            if (d.input() != null) {
              @SuppressWarnings("unchecked")
              I edited = (I) JsonValues.convert(d.input(), input.getClass());
              current = edited;
            }
          }
          case SKIP -> {
            timeline.record(
                spec.name(),
                spec.target(),
                StepEventKind.SKIPPED,
                attempt,
                null,
                Parking.detail(d));
            progress.stepDone();
            return null;
          }
          default ->
              throw ApplicationFailure.newNonRetryableFailure(
                  "aborted by " + d.actor() + ": " + d.reason(), ABORTED);
        }
      }
    }
  }

  private void awaitApproval(Step<?> spec) {
    Approval a = spec.approval();
    // A resumed run asks again with the original request: its plan, time and expiry.
    PendingDecision was =
        parking.takeRestored(DecisionKind.APPROVAL.value(), spec.name(), spec.target());
    PendingDecision p = was != null ? was : Parking.approval(spec.name(), spec.target(), a);
    if (was == null) {
      timeline.record(spec.name(), spec.target(), StepEventKind.APPROVAL_REQUESTED, 1, null, null);
    }
    Decision d =
        parking.park(
            p, null, was != null ? Parking.remaining(was.expiresAtMillis()) : a.expiresAfter());
    if (d == null) {
      timeline.record(spec.name(), spec.target(), StepEventKind.EXPIRED, 1, null, null);
      throw ApplicationFailure.newNonRetryableFailure(
          "approval of " + spec.name() + " expired unanswered", EXPIRED);
    }
    if (OperatorAction.REJECT.is(d.action())) {
      throw ApplicationFailure.newNonRetryableFailure(
          "rejected by " + d.actor() + ": " + d.reason(), REJECTED);
    }
  }
}
