package io.longhaul.workflows.common;

import io.longhaul.contracts.vocabulary.StepEventKind;
import io.longhaul.contracts.window.GateQuery;
import io.longhaul.contracts.window.GateRules;
import io.longhaul.contracts.window.Scope;
import io.longhaul.contracts.window.Verdict;
import io.longhaul.contracts.window.WindowActivities;
import io.longhaul.contracts.window.WindowAware;
import io.longhaul.contracts.window.WindowRules;
import io.longhaul.contracts.window.WindowWait;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maintenance windows and freezes inside a workflow. Before a disruptive step the gate reads the
 * rules for the step's scopes (a local activity, which also records the scopes so the API can
 * signal this run when they change), evaluates them with the pure calendar math at workflow time,
 * and waits, visibly, until a window is open with room for the step's expected duration.
 *
 * <p>Changes reach a waiting run by the {@link WindowAware#CHANGED} signal; a re-check at most
 * every {@link #RECHECK} covers a lost one. Each wait costs a timer and a local activity per
 * re-check, so a run waiting for days stays far below history limits.
 */
public final class WindowGate {
  /** The longest a waiting run goes without re-reading its rules. */
  static final Duration RECHECK = Duration.ofMinutes(10);

  private static final Duration MIN_WAIT = Duration.ofSeconds(1);

  private final RunJournal journal;
  private final String runId = Workflow.getInfo().getWorkflowId();
  private final WindowActivities activities =
      Workflow.newLocalActivityStub(WindowActivities.class, ActivityProfiles.bookkeeping());
  private boolean changed;

  WindowGate(RunJournal journal) {
    this.journal = journal;
    Workflow.registerListener(new Listener());
  }

  /** Receives the change signal; public for Temporal's reflection. */
  public final class Listener implements WindowAware {
    @Override
    public void windowsChanged() {
      changed = true;
    }
  }

  /**
   * Waits until the scopes' windows are open with at least {@code expected} left and no freeze
   * covers them. Returns when the window closes (null: no closing within the horizon).
   */
  public Instant awaitOpen(String step, String target, List<Scope> scopes, Duration expected) {
    WindowWait shown = null;
    while (true) {
      changed = false;
      Verdict v = verdict(scopes, expected);
      if (v.open()) {
        if (shown != null) {
          journal.windowWait(step, target, null);
        }
        return v.closesAt();
      }
      WindowWait wait =
          new WindowWait(
              step,
              v.waitingFor(),
              v.opensAt() == null ? null : v.opensAt().toEpochMilli(),
              v.reason());
      if (!wait.equals(shown)) {
        journal.windowWait(step, target, wait);
        shown = wait;
      }
      Workflow.await(sleepFor(v), () -> changed);
    }
  }

  /**
   * Runs a long phase in chunks while its window is open: before each chunk the window must have
   * room for {@code chunk}; when it closes (or a freeze starts, or a change shortens it) the phase
   * stops at the chunk boundary, records "paused", waits for the next opening and resumes from the
   * state the last chunk returned. The state is explicit, so a caller can continue-as-new with it
   * between chunks.
   */
  public <S> S runInWindow(
      String phase,
      List<Scope> scopes,
      Duration chunk,
      S state,
      Functions.Func1<S, S> runChunk,
      Functions.Func1<S, Boolean> finished) {
    S current = state;
    while (!finished.apply(current)) {
      Instant closesAt = awaitOpen(phase, null, scopes, chunk);
      while (!finished.apply(current)) {
        current = runChunk.apply(current);
        if (finished.apply(current)) {
          break;
        }
        Instant now = now();
        boolean fits = closesAt == null || !now.plus(chunk).isAfter(closesAt);
        if (!changed && fits) {
          continue;
        }
        changed = false;
        Verdict v = verdict(scopes, chunk);
        if (v.open()) {
          closesAt = v.closesAt();
          continue;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("window", v.waitingFor());
        detail.put("reason", v.reason());
        detail.put("opensAt", v.opensAt() == null ? null : v.opensAt().toString());
        journal.event(phase, null, StepEventKind.PAUSED.value(), null, JsonValues.toJson(detail));
        break;
      }
    }
    return current;
  }

  /** Whether a change signal arrived since the gate last read its rules. */
  public boolean changed() {
    return changed;
  }

  private Verdict verdict(List<Scope> scopes, Duration expected) {
    GateRules rules = activities.rules(new GateQuery(runId, scopes));
    return WindowRules.evaluate(rules.windows(), rules.freezes(), rules.scopes(), now(), expected);
  }

  private Duration sleepFor(Verdict v) {
    Duration wait = RECHECK;
    if (v.opensAt() != null) {
      Duration until = Duration.between(now(), v.opensAt());
      if (until.compareTo(wait) < 0) {
        wait = until;
      }
    }
    return wait.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : wait;
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
