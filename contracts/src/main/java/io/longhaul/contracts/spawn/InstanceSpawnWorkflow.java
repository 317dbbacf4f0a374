package io.longhaul.contracts.spawn;

import io.longhaul.contracts.control.OperatorControlled;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Spawns one instance reachable on its overlay network, or leaves no trace of it. */
@WorkflowInterface
public interface InstanceSpawnWorkflow extends OperatorControlled {
  @WorkflowMethod(name = InstanceSpawn.WORKFLOW_TYPE)
  SpawnResult spawn(SpawnInput input);
}
