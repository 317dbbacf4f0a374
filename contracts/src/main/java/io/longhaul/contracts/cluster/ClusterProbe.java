package io.longhaul.contracts.cluster;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.operation.OperationDefinition;

/** The cluster-probe operation as operators start it. */
public final class ClusterProbe {
  public static final String NAME = "cluster-probe";
  public static final String WORKFLOW_TYPE = "ClusterProbe";

  public static final OperationDefinition OPERATION =
      new OperationDefinition(
          NAME,
          "Cluster probe",
          "Asks a cluster's API for its version and health over HTTPS, with the trust and"
              + " credential its inventory entry names, and reports what it said.",
          WORKFLOW_TYPE,
          ClusterProbeInput.class,
          TaskQueues.WORKFLOWS,
          "operations/cluster-probe.schema.json",
          null);

  private ClusterProbe() {}
}
