package io.longhaul.contracts.spawn;

import io.longhaul.contracts.operation.OperationDefinition;

/**
 * The instance operations' workflow types. Each operation is declared on its workflow interface
 * ({@link InstanceSpawnWorkflow}, {@link InstanceDeleteWorkflow}, {@link
 * InstanceSpawnBulkWorkflow}); {@link #SPAWN} is the spawn's, for the bulk run's children.
 */
public final class InstanceSpawn {
  public static final String WORKFLOW_TYPE = "InstanceSpawn";
  public static final String DELETE_WORKFLOW_TYPE = "InstanceDelete";
  public static final String BULK_WORKFLOW_TYPE = "InstanceSpawnBulk";

  public static final OperationDefinition SPAWN =
      OperationDefinition.of(InstanceSpawnWorkflow.class);

  private InstanceSpawn() {}
}
