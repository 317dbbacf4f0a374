package io.longhaul.contracts.discovery;

import io.longhaul.contracts.control.OperatorControlled;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Walks every leaf's LLDP table of a site and reconciles the host links in the inventory. */
@WorkflowInterface
public interface TopologyDiscoveryWorkflow extends OperatorControlled {
  @WorkflowMethod(name = TopologyDiscovery.WORKFLOW_TYPE)
  DiscoveryReport discover(DiscoveryInput input);
}
