package io.longhaul.workflows.meshcanary;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.meshcanary.MeshCanaryWorkflow;
import io.longhaul.workflows.testkit.HistoryReplay;
import io.longhaul.workflows.testkit.JournalFakes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Replays recorded mesh canaries (one promoted, one rolled back by a 5xx cohort) against today's
 * code. Record a new generation deliberately (beside, never over, the old one) via {@code
 * -Dlonghaul.record-histories=true -Dtest=MeshCanaryReplayTest}.
 */
@DisplayName("Recorded mesh canary histories")
class MeshCanaryReplayTest {
  static final String PROMOTED = "histories/mesh-canary-promoted.json";
  static final String ROLLED_BACK = "histories/mesh-canary-rolled-back.json";

  @Test
  @DisplayName("replay on the current workflow code without nondeterminism")
  void replays() {
    HistoryReplay.assertReplays(List.of(PROMOTED, ROLLED_BACK), MeshCanaryWorkflowImpl.class);
  }

  @Test
  @EnabledIfSystemProperty(named = HistoryReplay.RECORD, matches = "true")
  @DisplayName("record fresh histories from runs against the in-memory mesh")
  void record() {
    record("recorded-mesh-canary", MeshFake.Fault.NONE, PROMOTED);
    record("recorded-mesh-canary-5xx", MeshFake.Fault.ERRORS_5XX, ROLLED_BACK);
  }

  static void record(String id, MeshFake.Fault fault, String resource) {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      var workflows = env.newWorker(TaskQueues.WORKFLOWS);
      workflows.registerWorkflowImplementationTypes(MeshCanaryWorkflowImpl.class);
      workflows.registerActivitiesImplementations(new JournalFakes());
      MeshFake mesh = new MeshFake(MeshCanaryWorkflowTest.STABLE, 6);
      mesh.fault = fault;
      env.newWorker(TaskQueues.CLUSTERS).registerActivitiesImplementations(mesh);
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      MeshCanaryWorkflow stub =
          client.newWorkflowStub(
              MeshCanaryWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId(id)
                  .setTaskQueue(TaskQueues.WORKFLOWS)
                  .build());
      try {
        stub.canary(MeshCanaryWorkflowTest.input(false));
      } catch (RuntimeException e) {
        // the rolled-back run fails by design; its history is what is recorded
      }
      HistoryReplay.record(client, id, resource);
    }
  }
}
