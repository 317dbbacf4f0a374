package io.longhaul.workflows.common;

import io.longhaul.contracts.window.GateQuery;
import io.longhaul.contracts.window.GateRules;
import io.longhaul.contracts.window.Scope;
import io.longhaul.contracts.window.Verdict;
import io.longhaul.contracts.window.WindowActivities;
import io.longhaul.contracts.window.WindowAware;
import io.longhaul.contracts.window.WindowRules;
import io.longhaul.contracts.window.WindowWait;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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

  /** Whether a change signal arrived since the gate last read its rules. */
  public boolean changed() {
    return changed;
  }

  /** Forgets change signals received so far, after the caller has re-read the rules. */
  void clearChanged() {
    changed = false;
  }

  /** Reads the scopes' rules now and evaluates them for a piece of work of {@code expected}. */
  Verdict verdict(List<Scope> scopes, Duration expected) {
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
