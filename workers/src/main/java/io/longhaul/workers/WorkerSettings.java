package io.longhaul.workers;

import java.time.Duration;

/**
 * Worker tuning. {@code stickyScheduleToStart} must be zero against Temporal's Java test server: it
 * never times out a dead worker's sticky queue, so a restarted worker would strand its runs. {@code
 * workflowCacheSize} should exceed the runs in flight (B2 in bench/ runs 1,000 at once): a run
 * evicted from the cache replays its whole history on its next task.
 */
public record WorkerSettings(
    Duration stickyScheduleToStart,
    int maxConcurrentActivities,
    int maxConcurrentWorkflowTasks,
    int maxConcurrentLocalActivities,
    int workflowCacheSize) {

  public static WorkerSettings defaults() {
    return new WorkerSettings(Duration.ofSeconds(5), 200, 200, 200, 2000);
  }
}
