package io.longhaul.contracts.window;

import io.temporal.activity.ActivityInterface;

/** The gate's reads: local activities on the workflow worker, against PostgreSQL. */
@ActivityInterface
public interface WindowActivities {
  /**
   * Records that the run declared these scopes (so changes are signalled to it) and returns the
   * windows and freezes that apply, with the run's operation added as a scope.
   */
  GateRules rules(GateQuery query);
}
