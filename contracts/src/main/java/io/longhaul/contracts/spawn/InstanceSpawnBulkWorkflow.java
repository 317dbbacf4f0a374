package io.longhaul.contracts.spawn;

import io.longhaul.contracts.control.OperatorControlled;
import io.longhaul.contracts.operation.Operation;
import io.longhaul.contracts.operation.Operation.Stage;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Spawns many instances as child workflows in bounded batches. */
@WorkflowInterface
@Operation(
    name = "instance-spawn-bulk",
    title = "Spawn instances in bulk",
    description = "Spawns N instances from one template as child spawns in bounded batches.",
    schema = "operations/instance-spawn-bulk.schema.json",
    siteField = "site",
    stages = {@Stage(step = "register-batch", label = "starting a batch of spawns")})
public interface InstanceSpawnBulkWorkflow extends OperatorControlled {
  @WorkflowMethod(name = InstanceSpawn.BULK_WORKFLOW_TYPE)
  BulkSpawnResult spawnAll(BulkSpawnInput input);
}
