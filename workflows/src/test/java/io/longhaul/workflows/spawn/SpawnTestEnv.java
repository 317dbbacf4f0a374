package io.longhaul.workflows.spawn;

import io.longhaul.contracts.TaskQueues;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;

/** Workers for the spawn workflows on their real queues (site {@code s1}), backed by fakes. */
final class SpawnTestEnv {
  private SpawnTestEnv() {}

  static void start(TestWorkflowEnvironment env, SpawnFakes fakes) {
    Worker workflows = env.newWorker(TaskQueues.WORKFLOWS);
    workflows.registerWorkflowImplementationTypes(
        InstanceSpawnWorkflowImpl.class,
        InstanceDeleteWorkflowImpl.class,
        InstanceSpawnBulkWorkflowImpl.class,
        LeafConfigWorkflowImpl.class);
    workflows.registerActivitiesImplementations(fakes);
    env.newWorker(TaskQueues.site("s1")).registerActivitiesImplementations(fakes);
    env.start();
  }

  static WorkflowOptions options(String id) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(id)
        .setTaskQueue(TaskQueues.WORKFLOWS)
        .build();
  }
}
