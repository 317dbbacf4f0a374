package io.longhaul.contracts.cluster;

import io.longhaul.contracts.control.OperatorControlled;
import io.longhaul.contracts.operation.Operation;
import io.longhaul.contracts.operation.Operation.Stage;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Asks one cluster for its version and health through the clusters queue. */
@WorkflowInterface
@Operation(
    name = ClusterProbe.NAME,
    title = "Cluster probe",
    description =
        "Asks a cluster's API for its version and health over HTTPS, with the trust and"
            + " credential its inventory entry names, and reports what it said.",
    schema = "operations/cluster-probe.schema.json",
    stages = {@Stage(step = "probe", label = "asking the cluster's API")})
public interface ClusterProbeWorkflow extends OperatorControlled {
  @WorkflowMethod(name = ClusterProbe.WORKFLOW_TYPE)
  ClusterStatus probe(ClusterProbeInput input);
}
