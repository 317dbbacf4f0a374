package io.longhaul.contracts.discovery;

import io.longhaul.contracts.control.OperatorControlled;
import io.longhaul.contracts.operation.Operation;
import io.longhaul.contracts.operation.Operation.Stage;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Walks every leaf's LLDP table of a site and reconciles the host links in the inventory. */
@WorkflowInterface
@Operation(
    name = TopologyDiscovery.NAME,
    title = "Topology discovery",
    description =
        "Walks every leaf's LLDP table over SNMP, reconciles the site's host links and reports"
            + " the drift: links added and removed, hypervisors single-homed or split across"
            + " leaf pairs, unknown peers.",
    schema = "operations/topology-discovery.schema.json",
    siteField = "site",
    stages = {
      @Stage(step = "list-leaves", label = "listing the site's leaves"),
      @Stage(step = "read-lldp", label = "reading the leaves' LLDP tables"),
      @Stage(step = "reconcile", label = "reconciling the host links")
    })
public interface TopologyDiscoveryWorkflow extends OperatorControlled {
  @WorkflowMethod(name = TopologyDiscovery.WORKFLOW_TYPE)
  DiscoveryReport discover(DiscoveryInput input);
}
