package io.longhaul.contracts.run;

import io.temporal.activity.ActivityInterface;

/** Writes a run's status and step events to PostgreSQL, where the portal reads them. */
@ActivityInterface
public interface RunRecorderActivities {
  void recordEvent(StepEvent event);

  void recordOutcome(RunOutcome outcome);
}
