package io.longhaul.workflows.common;

import io.longhaul.contracts.control.PendingDecision;
import io.longhaul.contracts.control.Progress;
import io.longhaul.contracts.window.WindowWait;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the run shows as progress: phase, current step, steps done of expected, figures, ETA. */
final class ProgressBoard {
  private final Map<String, Long> figures = new LinkedHashMap<>();
  private String phase;
  private String currentStep;
  private String currentTarget;
  private int done;
  private int total;
  private long startedMillis = -1;

  void start() {
    if (startedMillis < 0) {
      startedMillis = Workflow.currentTimeMillis();
    }
  }

  void phase(String phase) {
    this.phase = phase;
  }

  void expect(int totalSteps) {
    this.total = totalSteps;
  }

  void figure(String name, long value) {
    figures.put(name, value);
  }

  void stepping(String step, String target) {
    currentStep = step;
    currentTarget = target;
  }

  void stepDone() {
    done++;
  }

  String phase() {
    return phase;
  }

  int done() {
    return done;
  }

  int total() {
    return total;
  }

  long startedMillis() {
    return startedMillis;
  }

  Map<String, Long> figures() {
    return new LinkedHashMap<>(figures);
  }

  /** Picks up where the previous execution of a continued run left its progress. */
  void restore(String phase, int done, int total, Map<String, Long> figures, long startedMillis) {
    this.phase = phase;
    this.done = done;
    this.total = total;
    this.figures.putAll(figures);
    this.startedMillis = startedMillis;
  }

  Progress snapshot(
      List<PendingDecision> pending,
      List<String> waitingForLeases,
      WindowWait waitingForWindow,
      List<String> waitingForConditions) {
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
        pending,
        new ArrayList<>(waitingForLeases),
        now,
        waitingForWindow,
        new ArrayList<>(waitingForConditions));
  }
}
