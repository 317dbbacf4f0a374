package io.longhaul.contracts.spawn;

import io.longhaul.contracts.control.OperatorControlled;
import io.longhaul.contracts.operation.Operation;
import io.longhaul.contracts.operation.Operation.Stage;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Spawns one instance reachable on its overlay network, or leaves no trace of it. */
@WorkflowInterface
@Operation(
    name = "instance-spawn",
    title = "Spawn an instance",
    description =
        "Places a VM or pod on a hypervisor of the site, allocates its port (by network or"
            + " label; a pod's port is named after its labels and keeps its address when it"
            + " moves), starts it on OVS br-int and binds its VLAN on both leaves of the host's"
            + " pair. A failure undoes every completed step.",
    schema = "operations/instance-spawn.schema.json",
    siteField = "site",
    stages = {
      @Stage(step = "validate", label = "checking the request"),
      @Stage(step = "place", label = "choosing a host"),
      @Stage(step = "allocate-port", label = "allocating an address"),
      @Stage(step = "define-start", label = "starting the domain"),
      @Stage(step = "plug", label = "plugging into br-int"),
      @Stage(step = "bind-port", label = "binding the port to the host"),
      @Stage(step = "find-leaves", label = "finding the host's leaves"),
      @Stage(step = "plan-overlay", label = "planning the leaves' configuration"),
      @Stage(step = "approve-overlay", label = "waiting for an approver"),
      @Stage(step = "ensure-overlay", label = "configuring the leaves"),
      @Stage(step = "verify", label = "verifying leaves and domain"),
      @Stage(step = "activate", label = "activating")
    })
public interface InstanceSpawnWorkflow extends OperatorControlled {
  @WorkflowMethod(name = InstanceSpawn.WORKFLOW_TYPE)
  SpawnResult spawn(SpawnInput input);
}
