package io.longhaul.contracts.cluster;

import io.longhaul.contracts.control.OperatorControlled;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Asks one cluster for its version and health through the clusters queue. */
@WorkflowInterface
public interface ClusterProbeWorkflow extends OperatorControlled {
  @WorkflowMethod(name = ClusterProbe.WORKFLOW_TYPE)
  ClusterStatus probe(ClusterProbeInput input);
}
