package io.longhaul.workflows.spawn;

import io.longhaul.contracts.spawn.BulkSpawnInput;
import io.longhaul.contracts.spawn.DeleteInput;
import io.longhaul.contracts.spawn.InstanceDeleteWorkflow;
import io.longhaul.contracts.spawn.InstanceSpawnBulkWorkflow;
import io.longhaul.contracts.spawn.InstanceSpawnWorkflow;
import io.longhaul.contracts.spawn.LeafConfigWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Replays recorded histories of every spawn workflow type against today's code. Re-record
 * deliberately (with a version tag in the changed workflow) via {@code
 * -Dlonghaul.record-histories=true -Dtest=SpawnReplayTest}.
 */
@DisplayName("Recorded spawn histories")
class SpawnReplayTest {

  /** File and the workflow id it was recorded under (child ids derive from it). */
  @ParameterizedTest(name = "{0} replays on the current code without nondeterminism")
  @CsvSource({
    "instance-spawn.json, rec-spawn",
    "instance-spawn-compensated.json, spawn-test",
    "instance-delete.json, rec-delete",
    "instance-spawn-bulk.json, rec-bulk",
    "leaf-config.json, leaf-config:leaf1",
    // Recorded before the database steps ran as local activities and leaves committed in groups.
    "before-local-steps/instance-spawn.json, rec-spawn",
    "before-local-steps/instance-spawn-compensated.json, spawn-test",
    "before-local-steps/instance-delete.json, rec-delete",
    "before-local-steps/instance-spawn-bulk.json, rec-bulk",
    "before-local-steps/leaf-config.json, leaf-config:leaf1"
  })
  void replays(String file, String workflowId) throws Exception {
    String json =
        new String(
            getClass().getClassLoader().getResourceAsStream("histories/" + file).readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    WorkflowReplayer.replayWorkflowExecution(
        io.temporal.common.WorkflowExecutionHistory.fromJson(json, workflowId),
        InstanceSpawnWorkflowImpl.class,
        InstanceDeleteWorkflowImpl.class,
        InstanceSpawnBulkWorkflowImpl.class,
        LeafConfigWorkflowImpl.class);
  }

  @Test
  @EnabledIfSystemProperty(named = "longhaul.record-histories", matches = "true")
  @DisplayName("record fresh histories from runs against fakes")
  void record() throws Exception {
    record("instance-spawn.json", "rec-spawn", null, c -> spawn(c, "rec-spawn"));
    record("instance-spawn-compensated.json", "spawn-test", "plug", c -> {});
    record(
        "instance-delete.json",
        "rec-delete",
        null,
        c ->
            c.newWorkflowStub(InstanceDeleteWorkflow.class, SpawnTestEnv.options("rec-delete"))
                .delete(new DeleteInput("vm1")));
    record(
        "instance-spawn-bulk.json",
        "rec-bulk",
        null,
        c ->
            c.newWorkflowStub(InstanceSpawnBulkWorkflow.class, SpawnTestEnv.options("rec-bulk"))
                .spawnAll(
                    new BulkSpawnInput(
                        "s1", "vm", 3, null, "web", 1, 256, null, 2, null, null, null, null)));
    record("leaf-config.json", LeafConfigWorkflow.workflowId("leaf1"), null, c -> {});
  }

  private static void spawn(WorkflowClient c, String id) {
    try {
      c.newWorkflowStub(InstanceSpawnWorkflow.class, SpawnTestEnv.options(id))
          .spawn(InstanceSpawnWorkflowTest.INPUT);
    } catch (RuntimeException expected) {
      // the compensated history ends in failure, which is what it records
    }
  }

  private static void record(
      String file, String id, String failing, java.util.function.Consumer<WorkflowClient> body)
      throws Exception {
    try (TestWorkflowEnvironment env =
        TestWorkflowEnvironment.newInstance(
            io.temporal.testing.TestEnvironmentOptions.newBuilder()
                .setUseTimeskipping(false)
                .build())) {
      if (file.equals("leaf-config.json")) {
        LeafConfigWorkflowTest.burst(env, new SpawnFakes(failing));
      } else if (failing != null) {
        InstanceSpawnWorkflowTest.spawnParkedThenAborted(env, new SpawnFakes(failing));
      } else {
        SpawnTestEnv.start(env, new SpawnFakes(failing));
        body.accept(env.getWorkflowClient());
      }
      String json = env.getWorkflowClient().fetchHistory(id).toJson(true);
      Files.writeString(Path.of("src/test/resources/histories", file), json);
    }
  }
}
