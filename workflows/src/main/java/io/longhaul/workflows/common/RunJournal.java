package io.longhaul.workflows.common;

import io.longhaul.contracts.control.Actions;
import io.longhaul.contracts.control.Decision;
import io.longhaul.contracts.control.LeaseActivities;
import io.longhaul.contracts.control.LeaseGrant;
import io.longhaul.contracts.control.LeasePolicy;
import io.longhaul.contracts.control.LeaseRelease;
import io.longhaul.contracts.control.LeaseRequest;
import io.longhaul.contracts.control.OperatorControlled;
import io.longhaul.contracts.control.PendingDecision;
import io.longhaul.contracts.control.Progress;
import io.longhaul.contracts.control.RunContext;
import io.longhaul.contracts.control.RunControlActivities;
import io.longhaul.contracts.control.RunMirror;
import io.longhaul.contracts.control.StepCompletion;
import io.longhaul.contracts.run.RunOutcome;
import io.longhaul.contracts.run.RunRecorderActivities;
import io.longhaul.contracts.run.StepEvent;
import io.longhaul.contracts.window.WindowWait;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.worker.NonDeterministicException;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run's journal: wraps the workflow body and each step, reporting status and step events to the
 * run records, and gives every operation operator control. Create it once per workflow execution,
 * as a field of the workflow implementation, which delegates {@link OperatorControlled}'s methods
 * to it.
 *
 * <p>A step that fails after its retry policy parks the run (needs attention) until an operator
 * retries it (optionally with an edited input), skips it (if skippable) or aborts the run; aborts,
 * cancels and failures run the registered compensations, each visible and retryable. A completed
 * step is written to the step ledger under (change id, step, target); a re-run of the same change
 * reuses it instead of applying it again.
 *
 * <p>Event sequence numbers come from a workflow-side counter, so replays produce the same numbers
 * and a retried report lands once.
 */
public final class RunJournal {
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

  static final String ABORTED = "AbortedByOperator";
  static final String REJECTED = "ApprovalRejected";
  static final String EXPIRED = "ApprovalExpired";
  static final String LEASE_UNAVAILABLE = "LeaseUnavailable";
  private static final Duration LEASE_POLL_MIN = Duration.ofSeconds(2);
  private static final Duration LEASE_POLL_MAX = Duration.ofMinutes(1);

  private final RunRecorderActivities recorder =
      Workflow.newLocalActivityStub(RunRecorderActivities.class, ActivityProfiles.bookkeeping());
  private final RunControlActivities control =
      Workflow.newLocalActivityStub(RunControlActivities.class, ActivityProfiles.bookkeeping());
  private final LeaseActivities leaseStub =
      Workflow.newLocalActivityStub(LeaseActivities.class, ActivityProfiles.bookkeeping());
  private final String runId = Workflow.getInfo().getWorkflowId();
  private final OperatorDesk desk = new OperatorDesk();
  private final Saga saga = new Saga();
  private final Set<String> held = new LinkedHashSet<>();
  private final List<String> waitingFor = new ArrayList<>();
  private final Map<String, Long> figures = new LinkedHashMap<>();

  /** Decisions the run waited for when its workflow was lost; it waits for them again. */
  private final List<PendingDecision> restored = new ArrayList<>();

  private WindowGate gate;
  private WindowWait waitingForWindow;
  private RunContext context;
  private boolean ledger;
  private boolean inTaskSteps;
  private Duration giveUpAfter;
  private boolean leaseWoken;
  private int seq;
  private String phase;
  private String currentStep;
  private String currentTarget;
  private int done;
  private int total;
  private long startedMillis = -1;

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

  // ---- what workflows call ----

  /**
   * Runs the whole workflow body and reports how it ended, compensating when it did not end well.
   */
  public <R> R run(Functions.Func<R> body) {
    begin();
    try {
      R result = body.apply();
      releaseHeld();
      outcome("succeeded", null, JsonValues.toJson(result));
      return result;
    } catch (CanceledFailure e) {
      cancelled(e);
      throw e;
    } catch (TemporalFailure e) {
      if (CancellationScope.current().isCancelRequested()) {
        // A step that was failing when the cancel came (a local activity runs out its retries
        // first): the run is cancelled, not failed, and undone as a cancelled run is.
        CanceledFailure c = new CanceledFailure("cancelled while " + messageOf(e));
        cancelled(c);
        throw c;
      }
      compensate();
      releaseHeld();
      String type = typeOf(e);
      outcome(ABORTED.equals(type) || REJECTED.equals(type) ? "aborted" : "failed", e);
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
      compensate();
      releaseHeld();
      outcome("failed", failure);
      throw failure;
    }
  }

  /** The workflow's scope is cancelled; undo and report from a scope that is not. */
  private void cancelled(CanceledFailure e) {
    Workflow.newDetachedCancellationScope(
            () -> {
              compensate();
              releaseHeld();
              outcome("cancelled", e);
            })
        .run();
  }

  /** Runs the body holding every named lease; they are released when it returns. */
  public <R> R withLeases(LeasePolicy policy, List<String> names, Functions.Func<R> body) {
    begin();
    if (names.isEmpty()) {
      return body.apply();
    }
    acquire(names, policy);
    R result = body.apply();
    release(names);
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
    String key = RunContext.key(spec.name(), spec.target());
    if (spec.compensation() != null) {
      saga.register(spec.name(), spec.target(), spec.compensation());
    }
    if (spec.resultType() != null && context.completed().containsKey(key)) {
      R reused = JsonValues.fromJson(context.completed().get(key), spec.resultType());
      event(spec.name(), spec.target(), "reused", 1, null, null);
      done++;
      return reused;
    }
    if (spec.approval() != null) {
      awaitApproval(spec);
    }
    if (!spec.scopes().isEmpty()) {
      windows().awaitOpen(spec.name(), spec.target(), spec.scopes(), spec.expected());
    }
    return withLeases(spec.leasePolicy(), spec.leaseNames(), () -> attempt(spec, input, body));
  }

  /** Records a free-standing event, e.g. a compensation or a skip. */
  public void event(String step, String target, String kind, Throwable error, String detailJson) {
    recorder.recordEvent(stepEvent(step, target, kind, 1, error, detailJson));
  }

  /** The run's change id: a re-run shares its original's. Idempotency keys derive from it. */
  public String changeId() {
    begin();
    return context.changeId();
  }

  /** An idempotency key for a side effect: change id + step + target, never Temporal's run id. */
  public String idempotencyKey(String step, String target) {
    return changeId() + ":" + step + ":" + (target == null ? "" : target);
  }

  public void phase(String phase) {
    this.phase = phase;
  }

  /** How many steps the run expects in all, for progress and ETA. */
  public void expect(int totalSteps) {
    this.total = totalSteps;
  }

  /** Sets a domain figure shown with progress, e.g. instances spawned or bytes moved. */
  public void figure(String name, long value) {
    figures.put(name, value);
  }

  /** How long a failed step waits for an operator before the run fails; null waits forever. */
  public void giveUpAfter(Duration wait) {
    this.giveUpAfter = wait;
  }

  // ---- what the workflow's OperatorControlled methods delegate to ----

  public void validateDecide(Decision decision) {
    desk.validate(decision);
  }

  public String decide(Decision decision) {
    return desk.post(decision);
  }

  public Progress progress() {
    long now = Workflow.currentTimeMillis();
    Long eta = null;
    if (done > 0 && total > done && startedMillis >= 0) {
      eta = now + (now - startedMillis) / done * (total - done);
    }
    return new Progress(
        phase,
        currentStep,
        currentTarget,
        done,
        Math.max(total, done),
        new LinkedHashMap<>(figures),
        eta,
        desk.pending(),
        new ArrayList<>(waitingFor),
        now,
        waitingForWindow);
  }

  public void leaseAvailable() {
    leaseWoken = true;
  }

  /** The run's window gate, e.g. for long phases that pause when their window closes. */
  public WindowGate windows() {
    begin();
    if (gate == null) {
      gate = new WindowGate(this);
    }
    return gate;
  }

  /** Shows (or, with null, ends) a wait for a window or freeze: timeline event and run status. */
  void windowWait(String step, String target, WindowWait wait) {
    waitingForWindow = wait;
    if (wait != null) {
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("window", wait.waitingFor());
      detail.put("reason", wait.reason());
      detail.put(
          "opensAt",
          wait.opensAtMillis() == null
              ? null
              : java.time.Instant.ofEpochMilli(wait.opensAtMillis()).toString());
      event(step, target, "waiting", 1, null, JsonValues.toJson(detail));
    } else {
      event(step, target, "window_open", 1, null, null);
    }
    mirror();
  }

  // ---- the machinery ----

  private void begin() {
    if (context == null) {
      int version = Workflow.getVersion(OPERATOR_CONTROL, Workflow.DEFAULT_VERSION, 1);
      ledger = version >= 1;
      inTaskSteps = Workflow.getVersion(IN_TASK_STEPS, Workflow.DEFAULT_VERSION, 1) >= 1;
      context = ledger ? control.begin(runId) : new RunContext(runId, Map.of());
      if (context.nextSeq() != null) {
        // A resumed run's timeline goes on after its events, instead of colliding with them.
        seq = Math.max(seq, context.nextSeq());
      }
      if (context.parked() != null) {
        restored.addAll(context.parked());
      }
      startedMillis = Workflow.currentTimeMillis();
    }
  }

  private <I, R> R attempt(Step<R> spec, I input, Functions.Func1<I, R> body) {
    I current = input;
    for (int attempt = 1; ; attempt++) {
      PendingDecision was = attempt == 1 ? takeRestored(Actions.FAILURE, spec) : null;
      if (was != null) {
        attempt = was.attempt();
      }
      if (attempt > 1 && was == null && !spec.scopes().isEmpty()) {
        // A retry decided hours later must still fall inside a window.
        windows().awaitOpen(spec.name(), spec.target(), spec.scopes(), spec.expected());
      }
      currentStep = spec.name();
      currentTarget = spec.target();
      StepEvent started = stepEvent(spec.name(), spec.target(), "started", attempt, null, null);
      // An in-task step's started event waits for its outcome: one local activity, not two.
      StepEvent deferred = inTaskSteps && ledger && spec.isInTask() ? started : null;
      if (deferred == null && was == null) {
        recorder.recordEvent(started);
      }
      try {
        if (was != null) {
          // Parked on this failure when the workflow was lost: park again, without applying it.
          throw ApplicationFailure.newNonRetryableFailure(was.errorMessage(), was.errorType());
        }
        R result = body.apply(current);
        done++;
        StepEvent succeeded =
            stepEvent(spec.name(), spec.target(), "succeeded", attempt, null, null);
        if (ledger) {
          control.completeStep(
              new StepCompletion(
                  succeeded, context.changeId(), JsonValues.toJson(result), progress(), deferred));
        } else {
          recorder.recordEvent(succeeded);
        }
        return result;
      } catch (CanceledFailure e) {
        throw e;
      } catch (TemporalFailure e) {
        if (was == null) {
          if (deferred != null) {
            recorder.recordEvent(deferred);
          }
          event(spec.name(), spec.target(), "failed", attempt, e, null);
        }
        if (CancellationScope.current().isCancelRequested()) {
          throw e;
        }
        long now = Workflow.currentTimeMillis();
        Duration wait = spec.giveUpAfterOr(giveUpAfter);
        Long expires = wait == null ? null : now + wait.toMillis();
        if (was != null) {
          now = was.sinceMillis();
          expires = was.expiresAtMillis();
          wait = expires == null ? null : remaining(expires);
        }
        PendingDecision p =
            new PendingDecision(
                Actions.FAILURE,
                spec.name(),
                spec.target(),
                attempt,
                typeOf(e),
                messageOf(e),
                spec.isSkippable(),
                null,
                null,
                now,
                expires);
        Decision d = park(p, input == null ? null : input.getClass(), wait);
        if (d == null) {
          throw e; // nobody decided in time: the run fails with the step's error
        }
        switch (d.action()) {
          case Actions.RETRY -> {
            if (d.input() != null) {
              @SuppressWarnings("unchecked")
              I edited = (I) JsonValues.convert(d.input(), input.getClass());
              current = edited;
            }
          }
          case Actions.SKIP -> {
            event(spec.name(), spec.target(), "skipped", attempt, null, decisionDetail(d));
            done++;
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
    long now = Workflow.currentTimeMillis();
    // A resumed run asks again with the original request time and expiry.
    PendingDecision was = takeRestored(Actions.APPROVAL, spec);
    if (was != null) {
      event(spec.name(), spec.target(), "parked", 1, null, null);
      Decision d =
          park(was, null, was.expiresAtMillis() == null ? null : remaining(was.expiresAtMillis()));
      approvalOutcome(spec, d);
      return;
    }
    PendingDecision p =
        new PendingDecision(
            Actions.APPROVAL,
            spec.name(),
            spec.target(),
            1,
            null,
            null,
            false,
            a.plan(),
            a.role(),
            now,
            a.expiresAfter() == null ? null : now + a.expiresAfter().toMillis());
    event(spec.name(), spec.target(), "approval_requested", 1, null, null);
    approvalOutcome(spec, park(p, null, a.expiresAfter()));
  }

  private void approvalOutcome(Step<?> spec, Decision d) {
    if (d == null) {
      event(spec.name(), spec.target(), "expired", 1, null, null);
      throw ApplicationFailure.newNonRetryableFailure(
          "approval of " + spec.name() + " expired unanswered", EXPIRED);
    }
    if (Actions.REJECT.equals(d.action())) {
      throw ApplicationFailure.newNonRetryableFailure(
          "rejected by " + d.actor() + ": " + d.reason(), REJECTED);
    }
  }

  /** The decision of this kind the run waited for at this step before its workflow was lost. */
  private PendingDecision takeRestored(String kind, Step<?> spec) {
    for (PendingDecision p : restored) {
      if (p.kind().equals(kind)
          && p.step().equals(spec.name())
          && java.util.Objects.equals(p.target(), spec.target())) {
        restored.remove(p);
        return p;
      }
    }
    return null;
  }

  private static Duration remaining(long untilMillis) {
    return Duration.ofMillis(Math.max(0, untilMillis - Workflow.currentTimeMillis()));
  }

  /** Waits for an operator; records the parking and the decision on the timeline. */
  private Decision park(PendingDecision p, Class<?> inputType, Duration wait) {
    event(p.step(), p.target(), "parked", p.attempt(), null, null);
    Decision d = desk.await(p, inputType, wait, this::mirror);
    if (d != null) {
      String kind =
          switch (d.action()) {
            case Actions.APPROVE -> "approved";
            case Actions.REJECT -> "rejected";
            default -> "decided";
          };
      event(p.step(), p.target(), kind, p.attempt(), null, decisionDetail(d));
    }
    return d;
  }

  /** Runs the compensations newest first; a failing one parks until retried or skipped. */
  private void compensate() {
    for (Saga.Compensation c = saga.next(); c != null; c = saga.next()) {
      for (int attempt = 1; ; attempt++) {
        event(c.step(), c.target(), "compensating", attempt, null, null);
        try {
          c.undo().apply();
          event(c.step(), c.target(), "compensated", attempt, null, null);
          break;
        } catch (TemporalFailure e) {
          event(c.step(), c.target(), "compensation_failed", attempt, e, null);
          long now = Workflow.currentTimeMillis();
          PendingDecision p =
              new PendingDecision(
                  Actions.COMPENSATION,
                  "undo:" + c.step(),
                  c.target(),
                  attempt,
                  typeOf(e),
                  messageOf(e),
                  true,
                  null,
                  null,
                  now,
                  giveUpAfter == null ? null : now + giveUpAfter.toMillis());
          Decision d = park(p, null, giveUpAfter);
          if (d == null || Actions.SKIP.equals(d.action())) {
            event(c.step(), c.target(), "skipped", attempt, null, null);
            break;
          }
        }
      }
    }
  }

  private void acquire(List<String> names, LeasePolicy policy) {
    boolean queued = false;
    Duration poll = LEASE_POLL_MIN;
    while (true) {
      leaseWoken = false;
      LeaseGrant grant = leaseStub.acquire(new LeaseRequest(runId, names, policy));
      if (grant.granted()) {
        held.addAll(names);
        waitingFor.clear();
        event("lease", String.join(",", names), "lease_acquired", 1, null, null);
        if (queued) {
          mirror();
        }
        return;
      }
      if (policy == LeasePolicy.FAIL_FAST) {
        throw ApplicationFailure.newNonRetryableFailure(
            names + " held by " + grant.heldBy(), LEASE_UNAVAILABLE);
      }
      if (!queued) {
        queued = true;
        waitingFor.addAll(names);
        event("lease", String.join(",", names), "lease_waiting", 1, null, null);
        mirror();
      }
      // Woken by the releasing run's signal; the poll, backing off to a minute, covers a lost one
      // and keeps a long wait's history small.
      Workflow.await(poll, () -> leaseWoken);
      poll =
          poll.multipliedBy(2).compareTo(LEASE_POLL_MAX) > 0
              ? LEASE_POLL_MAX
              : poll.multipliedBy(2);
    }
  }

  private void release(List<String> names) {
    List<String> wake = leaseStub.release(new LeaseRelease(runId, names));
    names.forEach(held::remove);
    event("lease", String.join(",", names), "lease_released", 1, null, null);
    for (String other : wake) {
      try {
        Workflow.newUntypedExternalWorkflowStub(other).signal(OperatorControlled.LEASE_AVAILABLE);
      } catch (RuntimeException e) {
        // The waiter ended meanwhile, or lost the signal: its poll and the reconciler cover it.
      }
    }
  }

  private void releaseHeld() {
    if (!held.isEmpty() || !waitingFor.isEmpty()) {
      List<String> names = new ArrayList<>(held);
      waitingFor.stream().filter(n -> !names.contains(n)).forEach(names::add);
      waitingFor.clear();
      release(names);
    }
  }

  private void mirror() {
    List<PendingDecision> pending = desk.pending();
    String status;
    if (pending.stream().anyMatch(p -> !Actions.APPROVAL.equals(p.kind()))) {
      status = "needs_attention";
    } else if (!pending.isEmpty()) {
      status = "awaiting_approval";
    } else if (!waitingFor.isEmpty() || waitingForWindow != null) {
      status = "waiting";
    } else {
      status = "running";
    }
    control.mirror(new RunMirror(runId, status, progress()));
  }

  private void event(
      String step, String target, String kind, int attempt, Throwable error, String detailJson) {
    recorder.recordEvent(stepEvent(step, target, kind, attempt, error, detailJson));
  }

  private StepEvent stepEvent(
      String step, String target, String kind, int attempt, Throwable error, String detailJson) {
    return new StepEvent(
        runId,
        seq++,
        step,
        target,
        kind,
        attempt,
        error == null ? null : typeOf(error),
        error == null ? null : messageOf(error),
        detailJson,
        Workflow.currentTimeMillis());
  }

  private static String decisionDetail(Decision d) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("action", d.action());
    detail.put("actor", d.actor());
    detail.put("reason", d.reason());
    if (d.input() != null) {
      detail.put("input", d.input());
    }
    return JsonValues.toJson(detail);
  }

  private void outcome(String status, Throwable error) {
    outcome(status, error, null);
  }

  private void outcome(String status, Throwable error, String resultJson) {
    recorder.recordOutcome(
        new RunOutcome(
            runId,
            status,
            error == null ? null : typeOf(error),
            error == null ? null : messageOf(error),
            resultJson));
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
