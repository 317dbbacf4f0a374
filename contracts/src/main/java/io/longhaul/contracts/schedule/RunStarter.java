package io.longhaul.contracts.schedule;

import io.temporal.activity.ActivityInterface;

/**
 * Starts a schedule's run through the API's run service, so it is validated, recorded and audited
 * exactly as an API start (requester: the schedule's owner, {@code viaSchedule}: its name). It runs
 * on {@code TaskQueues.API}, served by processes with the api role.
 */
@ActivityInterface
public interface RunStarter {
  /** Returns the run id; the same (schedule, nominal time) always yields the same run. */
  String startScheduledRun(FireRequest request);
}
