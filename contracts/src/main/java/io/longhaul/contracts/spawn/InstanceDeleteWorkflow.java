package io.longhaul.contracts.spawn;

import io.longhaul.contracts.control.OperatorControlled;
import io.longhaul.contracts.operation.Operation;
import io.longhaul.contracts.operation.Operation.Stage;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Tears an instance down: the spawn's steps in reverse. */
@WorkflowInterface
@Operation(
    name = "instance-delete",
    title = "Delete an instance",
    description =
        "Tears an instance down in reverse: unbinds its overlay where it was the last user,"
            + " stops and undefines the domain, unplugs OVS, releases the port and capacity.",
    schema = "operations/instance-delete.schema.json",
    stages = {
      @Stage(step = "find", label = "finding the instance"),
      @Stage(step = "mark-deleting", label = "marking it as deleting"),
      @Stage(step = "find-leaves", label = "finding the host's leaves"),
      @Stage(step = "remove-overlay", label = "unbinding the leaves"),
      @Stage(step = "destroy", label = "stopping the domain"),
      @Stage(step = "unplug", label = "unplugging from br-int"),
      @Stage(step = "release-port", label = "releasing the address"),
      @Stage(step = "release-capacity", label = "releasing the capacity"),
      @Stage(step = "forget", label = "forgetting the instance")
    })
public interface InstanceDeleteWorkflow extends OperatorControlled {
  @WorkflowMethod(name = InstanceSpawn.DELETE_WORKFLOW_TYPE)
  DeleteResult delete(DeleteInput input);
}
