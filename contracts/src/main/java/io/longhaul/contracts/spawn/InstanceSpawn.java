package io.longhaul.contracts.spawn;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.operation.OperationDefinition;

/** The instance operations as operators start them. */
public final class InstanceSpawn {
  public static final String WORKFLOW_TYPE = "InstanceSpawn";
  public static final String DELETE_WORKFLOW_TYPE = "InstanceDelete";
  public static final String BULK_WORKFLOW_TYPE = "InstanceSpawnBulk";

  public static final OperationDefinition SPAWN =
      new OperationDefinition(
          "instance-spawn",
          "Spawn an instance",
          "Places a VM or pod on a hypervisor of the site, allocates its port (by network or"
              + " label; a pod's port is named after its labels and keeps its address when it"
              + " moves), starts it on OVS br-int and binds its VLAN on both leaves of the host's"
              + " pair. A failure undoes every completed step.",
          WORKFLOW_TYPE,
          SpawnInput.class,
          TaskQueues.WORKFLOWS,
          "operations/instance-spawn.schema.json",
          "site");

  public static final OperationDefinition DELETE =
      new OperationDefinition(
          "instance-delete",
          "Delete an instance",
          "Tears an instance down in reverse: unbinds its overlay where it was the last user,"
              + " stops and undefines the domain, unplugs OVS, releases the port and capacity.",
          DELETE_WORKFLOW_TYPE,
          DeleteInput.class,
          TaskQueues.WORKFLOWS,
          "operations/instance-delete.schema.json",
          null);

  public static final OperationDefinition BULK =
      new OperationDefinition(
          "instance-spawn-bulk",
          "Spawn instances in bulk",
          "Spawns N instances from one template as child spawns in bounded batches.",
          BULK_WORKFLOW_TYPE,
          BulkSpawnInput.class,
          TaskQueues.WORKFLOWS,
          "operations/instance-spawn-bulk.schema.json",
          "site");

  private InstanceSpawn() {}
}
