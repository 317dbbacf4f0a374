package io.longhaul.contracts.spawn;

import io.longhaul.contracts.control.OperatorControlled;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Spawns many instances as child workflows in bounded batches. */
@WorkflowInterface
public interface InstanceSpawnBulkWorkflow extends OperatorControlled {
  @WorkflowMethod(name = InstanceSpawn.BULK_WORKFLOW_TYPE)
  BulkSpawnResult spawnAll(BulkSpawnInput input);
}
