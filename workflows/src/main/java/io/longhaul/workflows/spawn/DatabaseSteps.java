package io.longhaul.workflows.spawn;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.spawn.IpamActivities;
import io.longhaul.contracts.spawn.PlacementActivities;
import io.longhaul.workflows.common.ActivityProfiles;
import io.temporal.workflow.Workflow;

/**
 * The placement and IPAM stubs of a spawn or teardown. Their steps only touch Longhaul's database,
 * so since {@link #LOCAL} they run as local activities inside the workflow's task: no schedule,
 * dispatch and completion through the server for each of them (B1 in bench/ measures the saving).
 * Histories recorded before keep replaying on ordinary activities.
 */
record DatabaseSteps(PlacementActivities placement, IpamActivities ipam) {
  static final String LOCAL = "local-database-steps";

  /** Decides once per run, at the start of the workflow method, and is recorded in history. */
  static DatabaseSteps forThisRun() {
    if (Workflow.getVersion(LOCAL, Workflow.DEFAULT_VERSION, 1) >= 1) {
      return new DatabaseSteps(
          Workflow.newLocalActivityStub(PlacementActivities.class, ActivityProfiles.databaseStep()),
          Workflow.newLocalActivityStub(IpamActivities.class, ActivityProfiles.databaseStep()));
    }
    return new DatabaseSteps(
        Workflow.newActivityStub(
            PlacementActivities.class, ActivityProfiles.shortCall(TaskQueues.WORKFLOWS)),
        Workflow.newActivityStub(
            IpamActivities.class, ActivityProfiles.shortCall(TaskQueues.WORKFLOWS)));
  }
}
