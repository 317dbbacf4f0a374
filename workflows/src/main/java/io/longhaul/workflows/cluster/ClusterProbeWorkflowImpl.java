package io.longhaul.workflows.cluster;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.cluster.ClusterActivities;
import io.longhaul.contracts.cluster.ClusterProbeInput;
import io.longhaul.contracts.cluster.ClusterProbeWorkflow;
import io.longhaul.contracts.cluster.ClusterRequest;
import io.longhaul.contracts.cluster.ClusterStatus;
import io.longhaul.workflows.common.ActivityProfiles;
import io.longhaul.workflows.common.ControlledWorkflow;
import io.temporal.workflow.Workflow;

/**
 * One step, {@code probe <cluster>}, on the clusters queue. A cluster that stays unreachable after
 * the step's retries, or refuses the credential, parks the run for an operator; an unhealthy answer
 * is a result, not a failure, so the run reports it.
 */
public class ClusterProbeWorkflowImpl extends ControlledWorkflow implements ClusterProbeWorkflow {
  private final ClusterActivities clusters =
      Workflow.newActivityStub(
          ClusterActivities.class, ActivityProfiles.shortCall(TaskQueues.CLUSTERS));

  @Override
  public ClusterStatus probe(ClusterProbeInput input) {
    return journal.run(
        () -> {
          journal.expect(1);
          return journal.step(
              "probe", input.cluster(), () -> clusters.probe(new ClusterRequest(input.cluster())));
        });
  }
}
