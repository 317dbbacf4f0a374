package io.longhaul.contracts.spawn;

import io.longhaul.contracts.control.OperatorControlled;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Tears an instance down: the spawn's steps in reverse. */
@WorkflowInterface
public interface InstanceDeleteWorkflow extends OperatorControlled {
  @WorkflowMethod(name = InstanceSpawn.DELETE_WORKFLOW_TYPE)
  DeleteResult delete(DeleteInput input);
}
