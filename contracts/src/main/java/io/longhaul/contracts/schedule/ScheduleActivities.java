package io.longhaul.contracts.schedule;

import io.temporal.activity.ActivityInterface;

/** The scheduler's bookkeeping: local activities on the workflow worker, against PostgreSQL. */
@ActivityInterface
public interface ScheduleActivities {
  /** The schedule as it is now, or null once deleted. */
  ScheduleSpec load(long scheduleId);

  /** Whether the run is still live (not ended); false for an unknown run. */
  boolean isLive(String runId);

  /** Records what the schedule did at a nominal fire time: fired, skipped, buffered or missed. */
  void record(ScheduleNote note);
}
