package io.longhaul.workflows.common;

import io.longhaul.contracts.control.Decision;
import io.longhaul.contracts.control.JournalCarry;
import io.longhaul.contracts.control.LeasePolicy;
import io.longhaul.contracts.control.OperatorControlled;
import io.longhaul.contracts.control.PendingDecision;
import io.longhaul.contracts.control.Progress;
import io.longhaul.contracts.control.RunControlActivities;
import io.longhaul.contracts.control.RunMirror;
import io.longhaul.contracts.vocabulary.DecisionKind;
import io.longhaul.contracts.vocabulary.RunStatus;
import io.longhaul.contracts.vocabulary.StepEventKind;
import io.longhaul.contracts.window.WindowWait;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.worker.NonDeterministicException;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's journal: wraps the workflow body and each step, reporting status and step events to the
 * run records, and gives every operation operator control. One per workflow execution, owned by
 * {@link ControlledWorkflow}, which delegates {@link OperatorControlled}'s methods to it.
 *
 * <p>It is a facade over pieces with one job each: the {@link Ledger} (change id, completed steps),
 * the {@link Timeline} (numbered events, the outcome), the {@link StepRunner} (one step: reuse,
 * approval, window, leases, parking on failure), the {@link Compensator} (the saga), the {@link
 * LeaseKeeper}, {@link Parking} (pending decisions) and the {@link ProgressBoard}. The step library
 * ({@link ForEach}, {@link CheckpointedPhase}, {@link BulkRuns}, {@link ConditionWait}) is built on
 * it.
 *
 * <p>A run that continues as new hands its state to the next execution with {@link #continueAsNew};
 * the next execution's first call is {@link #resume}.
 */
public final class RunJournal {
  static final String ABORTED = StepRunner.ABORTED;
  static final String REJECTED = StepRunner.REJECTED;

  private final String runId = Workflow.getInfo().getWorkflowId();
  private final RunControlActivities control =
      Workflow.newLocalActivityStub(RunControlActivities.class, ActivityProfiles.bookkeeping());
  private final OperatorDesk desk = new OperatorDesk();
  private final Ledger ledger = new Ledger();
  private final Timeline timeline = new Timeline(runId, 0);
  private final ProgressBoard board = new ProgressBoard();
  private final LeaseKeeper leases = new LeaseKeeper(runId, timeline, this::mirror);
  private final Parking parking = new Parking(desk, timeline, this::mirror);
  private final Waits waits = new Waits(timeline, this::mirror);
  private final Compensator compensator = new Compensator(timeline, parking, ledger);
  private final StepRunner steps =
      new StepRunner(this, ledger, timeline, board, parking, leases, compensator);
  private final Map<String, String> cursors = new HashMap<>();
  private WindowGate gate;
  private Duration giveUpAfter;

  // ---- what workflows call ----

  /**
   * Picks up the state a previous execution handed over with {@link #continueAsNew}; a no-op for
   * null (the first execution). Call it first, before any step.
   */
  public void resume(JournalCarry carry) {
    if (carry == null) {
      return;
    }
    timeline.continueFrom(carry.seq());
    board.restore(
        carry.phase(), carry.done(), carry.total(), carry.figures(), carry.startedMillis());
    leases.restore(carry.heldLeases());
    compensator.restore(carry.undos());
    cursors.putAll(carry.cursors());
  }

  /**
   * Continues the run as a new execution, handing over the event numbering, progress, held leases,
   * owed compensations and phase cursors: {@code nextInput} builds the workflow's input for the
   * next execution from the carry. Never returns.
   */
  public void continueAsNew(Functions.Func1<JournalCarry, Object> nextInput) {
    begin();
    JournalCarry carry =
        new JournalCarry(
            timeline.nextSeq(),
            board.done(),
            board.total(),
            board.phase(),
            board.figures(),
            leases.held(),
            compensator.carry(),
            cursors,
            board.startedMillis());
    Workflow.continueAsNew(nextInput.apply(carry));
  }

  /**
   * Runs the whole workflow body and reports how it ended, compensating when it did not end well.
   */
  public <R> R run(Functions.Func<R> body) {
    begin();
    try {
      R result = body.apply();
      leases.releaseAll();
      timeline.outcome(RunStatus.SUCCEEDED, null, JsonValues.toJson(result));
      return result;
    } catch (CanceledFailure e) {
      cancelled(e);
      throw e;
    } catch (TemporalFailure e) {
      if (CancellationScope.current().isCancelRequested()) {
        // A step that was failing when the cancel came (a local activity runs out its retries
        // first): the run is cancelled, not failed, and undone as a cancelled run is.
        CanceledFailure c = new CanceledFailure("cancelled while " + FailureText.messageOf(e));
        cancelled(c);
        throw c;
      }
      compensator.compensate(giveUpAfter);
      leases.releaseAll();
      String type = FailureText.typeOf(e);
      timeline.outcome(
          ABORTED.equals(type) || REJECTED.equals(type) ? RunStatus.ABORTED : RunStatus.FAILED,
          e,
          null);
      throw e;
    } catch (NonDeterministicException e) {
      // Temporal retries the workflow task until code that replays the history is deployed: the
      // run is still live, and its record must not say otherwise.
      throw e;
    } catch (IllegalArgumentException | IllegalStateException e) {
      // A bug or a value no retry of the workflow task would change. Rethrown as is, Temporal
      // would retry the task forever while the record said failed; fail the run for real instead.
      ApplicationFailure failure =
          ApplicationFailure.newNonRetryableFailure(e.getMessage(), e.getClass().getSimpleName());
      compensator.compensate(giveUpAfter);
      leases.releaseAll();
      timeline.outcome(RunStatus.FAILED, failure, null);
      throw failure;
    }
  }

  /** The workflow's scope is cancelled; undo and report from a scope that is not. */
  private void cancelled(CanceledFailure e) {
    Workflow.newDetachedCancellationScope(
            () -> {
              compensator.compensate(giveUpAfter);
              leases.releaseAll();
              timeline.outcome(RunStatus.CANCELLED, e, null);
            })
        .run();
  }

  /** Runs the body holding every named lease; they are released when it returns. */
  public <R> R withLeases(LeasePolicy policy, List<String> names, Functions.Func<R> body) {
    begin();
    if (names.isEmpty()) {
      return body.apply();
    }
    leases.acquire(names, policy);
    R result = body.apply();
    leases.release(names);
    return result;
  }

  /** Runs one step, recording started and succeeded, or failed with its typed cause. */
  public <R> R step(String step, String target, Functions.Func<R> body) {
    return step(Step.<R>untyped(step, target), body);
  }

  /** A step with no result. */
  public void step(String step, String target, Functions.Proc body) {
    step(
        Step.of(step, target),
        () -> {
          body.apply();
          return null;
        });
  }

  /** A step with options (skippable, compensation, approval, leases, reuse by re-runs). */
  public <R> R step(Step<R> spec, Functions.Func<R> body) {
    return step(spec, null, in -> body.apply());
  }

  /**
   * A step whose input an operator may edit on retry: the edited JSON becomes a new {@code I}, so
   * the input record's own checks apply, as for a new request.
   */
  public <I, R> R step(Step<R> spec, I input, Functions.Func1<I, R> body) {
    begin();
    return steps.run(spec, input, body);
  }

  /**
   * The same work on many targets, at most {@code parallelism} at once; one target parking does not
   * stop the others (see {@link ForEach}).
   */
  public <T, R> Map<T, R> forEach(List<T> targets, int parallelism, Functions.Func1<T, R> body) {
    begin();
    return ForEach.run(targets, parallelism, body);
  }

  /** Runs a checkpointed phase (see {@link CheckpointedPhase}). */
  public <C> C checkpointed(
      CheckpointedPhase<C> phase,
      C start,
      Functions.Func1<C, C> chunk,
      Functions.Func1<C, Boolean> finished) {
    begin();
    return phase.run(this, start, chunk, finished);
  }

  /**
   * Registers the body of a named undo ({@link Step#compensatedBy(String, Object)}). Register every
   * undo at each start of the workflow, since a continued run may owe one from before.
   */
  public <A> void undo(String name, Class<A> argType, Functions.Proc1<A> body) {
    compensator.handle(name, argType, body);
  }

  /** Records a free-standing event, e.g. a compensation or a skip. */
  public void event(
      String step, String target, StepEventKind kind, Throwable error, String detailJson) {
    timeline.record(step, target, kind, 1, error, detailJson);
  }

  /** The run's change id: a re-run shares its original's. Idempotency keys derive from it. */
  public String changeId() {
    begin();
    return ledger.changeId();
  }

  /** An idempotency key for a side effect: change id + step + target, never Temporal's run id. */
  public String idempotencyKey(String step, String target) {
    return changeId() + ":" + step + ":" + (target == null ? "" : target);
  }

  public void phase(String phase) {
    board.phase(phase);
  }

  /** How many steps the run expects in all, for progress and ETA. */
  public void expect(int totalSteps) {
    board.expect(totalSteps);
  }

  /** Sets a domain figure shown with progress, e.g. instances spawned or bytes moved. */
  public void figure(String name, long value) {
    board.figure(name, value);
  }

  /** How long a failed step waits for an operator before the run fails; null waits forever. */
  public void giveUpAfter(Duration wait) {
    this.giveUpAfter = wait;
  }

  public int nextSeq() {
    return timeline.nextSeq();
  }

  // ---- what the workflow's OperatorControlled methods delegate to ----

  public void validateDecide(Decision decision) {
    desk.validate(decision, ledger.requesters());
  }

  public String decide(Decision decision) {
    return desk.post(decision);
  }

  public Progress progress() {
    return board.snapshot(desk.pending(), leases.waitingFor(), waits.window(), waits.conditions());
  }

  public void leaseAvailable() {
    leases.wake();
  }

  /** The run's window gate, e.g. for long phases that pause when their window closes. */
  public WindowGate windows() {
    begin();
    if (gate == null) {
      gate = new WindowGate(this);
    }
    return gate;
  }

  // ---- for the step library ----

  Duration giveUpAfter() {
    return giveUpAfter;
  }

  /** A phase's cursor as JSON, as the last execution of a continued run left it; null if none. */
  String cursor(String phase) {
    return cursors.get(phase);
  }

  void cursor(String phase, String json) {
    cursors.put(phase, json);
  }

  /** Shows (or, with null, ends) a wait for a window or freeze: timeline event and run status. */
  void windowWait(String step, String target, WindowWait wait) {
    waits.window(step, target, wait);
  }

  /** Shows (or ends) a wait for a condition outside the run. */
  void conditionWait(String step, String target, String condition, boolean waiting) {
    waits.condition(step, target, condition, waiting);
  }

  // ---- the machinery ----

  private void begin() {
    if (ledger.begin(runId)) {
      board.start();
      if (ledger.nextSeq() != null) {
        // A resumed run's timeline goes on after its events instead of colliding with them.
        timeline.continueFrom(ledger.nextSeq());
      }
      parking.restore(ledger.parked());
    }
  }

  private void mirror() {
    List<PendingDecision> pending = desk.pending();
    RunStatus status;
    if (pending.stream().anyMatch(p -> !DecisionKind.APPROVAL.is(p.kind()))) {
      status = RunStatus.NEEDS_ATTENTION;
    } else if (!pending.isEmpty()) {
      status = RunStatus.AWAITING_APPROVAL;
    } else if (!leases.waitingFor().isEmpty() || waits.any()) {
      status = RunStatus.WAITING;
    } else {
      status = RunStatus.RUNNING;
    }
    control.mirror(new RunMirror(runId, status.value(), progress()));
  }
}
