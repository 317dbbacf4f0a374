package io.longhaul.workers;

import java.time.Duration;

/**
 * Worker tuning. {@code stickyScheduleToStart} must be zero against Temporal's Java test server: it
 * never times out a dead worker's sticky queue, so a restarted worker would strand its runs.
 */
public record WorkerSettings(
    Duration stickyScheduleToStart,
    int maxConcurrentActivities,
    int maxConcurrentWorkflowTasks,
    int maxConcurrentLocalActivities) {

  public static WorkerSettings defaults() {
    return new WorkerSettings(Duration.ofSeconds(5), 200, 200, 200);
  }
}
