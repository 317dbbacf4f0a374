package io.longhaul.workflows.drift;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.drift.DriftWatchState;
import io.longhaul.contracts.drift.DriftWatchWorkflow;
import io.longhaul.workflows.testkit.HistoryReplay;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Replays a recorded drift watch execution (checks, one failed, timers, continue-as-new) on today's
 * code. Re-record deliberately via {@code -Dlonghaul.record-histories=true
 * -Dtest=DriftWatchReplayTest}.
 */
@DisplayName("Recorded drift watch histories")
class DriftWatchReplayTest {
  static final String RESOURCE = "histories/drift-watch.json";

  @Test
  @DisplayName("replay on the current workflow code without nondeterminism")
  void replays() {
    HistoryReplay.assertReplays(List.of(RESOURCE), DriftWatchWorkflowImpl.class);
  }

  @Test
  @EnabledIfSystemProperty(named = HistoryReplay.RECORD, matches = "true")
  @DisplayName("record a fresh history from a run against fakes")
  void record() throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      env.newWorker(TaskQueues.WORKFLOWS)
          .registerWorkflowImplementationTypes(DriftWatchWorkflowImpl.class);
      env.newWorker(TaskQueues.site("sha"))
          .registerActivitiesImplementations(new DriftFakes(List.of(2)));
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      DriftWatchWorkflow stub =
          client.newWorkflowStub(
              DriftWatchWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId("recorded-drift-watch")
                  .setTaskQueue(TaskQueues.WORKFLOWS)
                  .build());
      var first = WorkflowClient.start(stub::watch, new DriftWatchState("sha", 60, 3, 0));
      env.sleep(Duration.ofMinutes(4));
      String json = client.fetchHistory("recorded-drift-watch", first.getRunId()).toJson(true);
      Files.writeString(Path.of("src/test/resources", RESOURCE), json);
    }
  }
}
