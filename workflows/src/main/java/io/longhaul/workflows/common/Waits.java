package io.longhaul.workflows.common;

import io.longhaul.contracts.window.WindowWait;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run waits for besides leases and operators: a maintenance window or freeze, and conditions
 * outside the run. Each start and end of a wait is a timeline event and mirrors the run's status.
 */
final class Waits {
  private final Timeline timeline;
  private final Runnable mirror;
  private final List<String> conditions = new ArrayList<>();
  private WindowWait window;

  Waits(Timeline timeline, Runnable mirror) {
    this.timeline = timeline;
    this.mirror = mirror;
  }

  /** Shows (or, with null, ends) a wait for a window or freeze. */
  void window(String step, String target, WindowWait wait) {
    window = wait;
    if (wait != null) {
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("window", wait.waitingFor());
      detail.put("reason", wait.reason());
      detail.put(
          "opensAt",
          wait.opensAtMillis() == null
              ? null
              : Instant.ofEpochMilli(wait.opensAtMillis()).toString());
      timeline.record(step, target, "waiting", 1, null, JsonValues.toJson(detail));
    } else {
      timeline.record(step, target, "window_open", 1, null, null);
    }
    mirror.run();
  }

  /** Shows (or ends) a wait for a condition, e.g. replication to catch up. */
  void condition(String step, String target, String condition, boolean waiting) {
    if (waiting) {
      conditions.add(condition);
    } else {
      conditions.remove(condition);
    }
    timeline.record(
        step,
        target,
        waiting ? "waiting" : "condition_met",
        1,
        null,
        JsonValues.toJson(Map.of("condition", condition)));
    mirror.run();
  }

  WindowWait window() {
    return window;
  }

  List<String> conditions() {
    return conditions;
  }

  boolean any() {
    return window != null || !conditions.isEmpty();
  }
}
