package io.longhaul.contracts.discovery;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.operation.OperationDefinition;

/** The topology-discovery operation as operators start it. */
public final class TopologyDiscovery {
  public static final String NAME = "topology-discovery";
  public static final String WORKFLOW_TYPE = "TopologyDiscovery";
  public static final int DEFAULT_PARALLELISM = 8;

  public static final OperationDefinition OPERATION =
      new OperationDefinition(
          NAME,
          "Topology discovery",
          "Walks every leaf's LLDP table over SNMP, reconciles the site's host links and reports"
              + " the drift: links added and removed, hypervisors single-homed or split across"
              + " leaf pairs, unknown peers.",
          WORKFLOW_TYPE,
          DiscoveryInput.class,
          TaskQueues.WORKFLOWS,
          "operations/topology-discovery.schema.json",
          "site");

  private TopologyDiscovery() {}
}
