package io.longhaul.workflows.spawn;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * Replays recorded histories of every spawn workflow type, of every generation, against today's
 * code. A change that alters commands gets a version tag and a new generation: set {@link
 * #GENERATION} to a new folder and record it with {@code -Dlonghaul.record-histories=true
 * -Dtest=SpawnReplayTest}; the recorder refuses to overwrite a file, so older generations stay.
 */
@DisplayName("Recorded spawn histories")
class SpawnReplayTest {
  /** Where the recorder writes: the newest generation, recorded on spawn-on-platform. */
  static final String GENERATION = "on-platform";

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
    "before-local-steps/leaf-config.json, leaf-config:leaf1",
    // Recorded with local database steps, before in-task steps wrote started with their outcome.
    "before-in-task-steps/instance-spawn.json, rec-spawn",
    "before-in-task-steps/instance-spawn-compensated.json, spawn-test",
    "before-in-task-steps/instance-delete.json, rec-delete",
    "before-in-task-steps/instance-spawn-bulk.json, rec-bulk",
    "before-in-task-steps/leaf-config.json, leaf-config:leaf1",
    // Recorded on the platform: journal compensations (one parked and retried), idempotency keys.
    "on-platform/instance-spawn.json, rec-spawn",
    "on-platform/instance-spawn-compensated.json, spawn-test",
    "on-platform/instance-spawn-undo-retried.json, spawn-undo",
    "on-platform/instance-delete.json, rec-delete",
    "on-platform/instance-spawn-bulk.json, rec-bulk",
    "on-platform/leaf-config.json, leaf-config:leaf1"
  })
  void replays(String file, String workflowId) throws Exception {
    replay(file, workflowId, InstanceSpawnWorkflowImpl.class);
  }

  /**
   * The negative control: a spawn changed without a version gate (the platform's undo path taken
   * unconditionally) must be refused by a history recorded before it, or the replays above prove
   * nothing.
   */
  @ParameterizedTest(name = "{0} refuses a spawn changed without a version gate")
  @CsvSource({
    "instance-spawn-compensated.json, spawn-test",
    "before-local-steps/instance-spawn-compensated.json, spawn-test"
  })
  void catchesAnUngatedChange(String file, String workflowId) {
    // The replayer reports the workflow task's failure as text: the SDK's non-determinism error.
    assertThatThrownBy(() -> replay(file, workflowId, UngatedSpawn.class))
        .hasMessageContaining(io.temporal.worker.NonDeterministicException.class.getName())
        .hasMessageContaining("TMPRL1100");
  }

  /** The platform's path without asking {@code getVersion}: what a careless change would do. */
  public static class UngatedSpawn extends InstanceSpawnWorkflowImpl {
    @Override
    int platformVersion() {
      return 1;
    }
  }

  /**
   * The negative control of the other spawn workflow types: each history refuses its type changed
   * without a version gate (a timer added before its first step).
   */
  @ParameterizedTest(name = "{0} refuses its workflow changed without a version gate")
  @CsvSource({
    "on-platform/instance-delete.json, rec-delete",
    "on-platform/instance-spawn-bulk.json, rec-bulk",
    "on-platform/leaf-config.json, leaf-config:leaf1"
  })
  void catchesAChangedType(String file, String workflowId) {
    assertThatThrownBy(
            () ->
                replay(
                    file,
                    workflowId,
                    InstanceSpawnWorkflowImpl.class,
                    DeleteWaitsFirst.class,
                    BulkWaitsFirst.class,
                    LeafConfigWaitsFirst.class))
        .hasMessageContaining(io.temporal.worker.NonDeterministicException.class.getName())
        .hasMessageContaining("TMPRL1100");
  }

  /** Delete with a timer before its first step. */
  public static class DeleteWaitsFirst extends InstanceDeleteWorkflowImpl {
    @Override
    public io.longhaul.contracts.spawn.DeleteResult delete(DeleteInput input) {
      io.temporal.workflow.Workflow.sleep(java.time.Duration.ofSeconds(1));
      return super.delete(input);
    }
  }

  /** Bulk spawn with a timer before its first step. */
  public static class BulkWaitsFirst extends InstanceSpawnBulkWorkflowImpl {
    @Override
    public io.longhaul.contracts.spawn.BulkSpawnResult spawnAll(BulkSpawnInput input) {
      io.temporal.workflow.Workflow.sleep(java.time.Duration.ofSeconds(1));
      return super.spawnAll(input);
    }
  }

  /** The leaf's config workflow with a timer before its first step. */
  public static class LeafConfigWaitsFirst extends LeafConfigWorkflowImpl {
    @Override
    public void run(io.longhaul.contracts.spawn.LeafConfigState state) {
      io.temporal.workflow.Workflow.sleep(java.time.Duration.ofSeconds(1));
      super.run(state);
    }
  }

  private void replay(String file, String workflowId, Class<?> spawn) throws Exception {
    replay(
        file,
        workflowId,
        spawn,
        InstanceDeleteWorkflowImpl.class,
        InstanceSpawnBulkWorkflowImpl.class,
        LeafConfigWorkflowImpl.class);
  }

  private void replay(String file, String workflowId, Class<?> first, Class<?>... more)
      throws Exception {
    String json =
        new String(
            getClass().getClassLoader().getResourceAsStream("histories/" + file).readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    WorkflowReplayer.replayWorkflowExecution(
        io.temporal.common.WorkflowExecutionHistory.fromJson(json, workflowId), first, more);
  }

  @Test
  @EnabledIfSystemProperty(named = "longhaul.record-histories", matches = "true")
  @DisplayName("record fresh histories from runs against fakes")
  void record() throws Exception {
    record("instance-spawn.json", "rec-spawn", null, c -> spawn(c, "rec-spawn"));
    record("instance-spawn-compensated.json", "spawn-test", "plug", c -> {});
    record("instance-spawn-undo-retried.json", "spawn-undo", "verifyOverlay", c -> {});
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
                        "s1", "vm", 3, null, "web", 1, 256, null, 2, null, null, null, null,
                        null)));
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
      } else if (file.equals("instance-spawn-undo-retried.json")) {
        InstanceSpawnWorkflowTest.abortedWithUndoRetried(env, new SpawnFakes(failing));
      } else if (failing != null) {
        InstanceSpawnWorkflowTest.spawnParkedThenAborted(env, new SpawnFakes(failing));
      } else {
        SpawnTestEnv.start(env, new SpawnFakes(failing));
        body.accept(env.getWorkflowClient());
      }
      String json = env.getWorkflowClient().fetchHistory(id).toJson(true);
      Path to = Path.of("src/test/resources/histories", GENERATION, file);
      Files.createDirectories(to.getParent());
      // CREATE_NEW: an older generation is never overwritten; a new one needs a new folder.
      Files.writeString(to, json, java.nio.file.StandardOpenOption.CREATE_NEW);
    }
  }
}
