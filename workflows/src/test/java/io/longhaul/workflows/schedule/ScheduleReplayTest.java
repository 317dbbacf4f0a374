package io.longhaul.workflows.schedule;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.schedule.ScheduleSpec;
import io.longhaul.contracts.schedule.ScheduleWorkflow;
import io.longhaul.contracts.schedule.SchedulerState;
import io.longhaul.workflows.testkit.HistoryReplay;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Replays a recorded scheduler run (load, sleep, fire, continue-as-new) against today's code.
 * Re-record deliberately via {@code -Dlonghaul.record-histories=true -Dtest=ScheduleReplayTest}.
 */
@DisplayName("Recorded scheduler histories")
class ScheduleReplayTest {
  static final String RESOURCE = "histories/schedule.json";

  @Test
  @DisplayName("replay on the current workflow code without nondeterminism")
  void replays() {
    HistoryReplay.assertReplays(List.of(RESOURCE), ScheduleWorkflowImpl.class);
  }

  @Test
  @DisplayName(
      "do not replay on a scheduler that waits before loading, so the replay test can fail")
  void catchesAChangedWorkflow() {
    HistoryReplay.assertFailsToReplay(RESOURCE, WaitsFirst.class);
  }

  /** The scheduler with a timer added before its first step, without a version gate. */
  public static class WaitsFirst extends ScheduleWorkflowImpl {
    @Override
    public void run(SchedulerState state) {
      io.temporal.workflow.Workflow.sleep(Duration.ofSeconds(1));
      super.run(state);
    }
  }

  @Test
  @EnabledIfSystemProperty(named = HistoryReplay.RECORD, matches = "true")
  @DisplayName("record a fresh history from a run against fakes")
  void record() throws Exception {
    var fakes =
        new ScheduleFakes(
            new ScheduleSpec(
                1, "hourly", null, "0 * * * *", "UTC", null, null, ScheduleSpec.SKIP, 0, false));
    try (TestWorkflowEnvironment env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setInitialTime(Instant.parse("2026-11-23T08:30:00Z"))
                .build())) {
      var worker = env.newWorker(TaskQueues.WORKFLOWS);
      worker.registerWorkflowImplementationTypes(ScheduleWorkflowImpl.class);
      worker.registerActivitiesImplementations(fakes);
      env.newWorker(TaskQueues.API).registerActivitiesImplementations(fakes);
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      ScheduleWorkflow stub =
          client.newWorkflowStub(
              ScheduleWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId("recorded-schedule")
                  .setTaskQueue(TaskQueues.WORKFLOWS)
                  .build());
      var first = WorkflowClient.start(stub::run, SchedulerState.initial(1));
      env.sleep(Duration.ofMinutes(40));
      String json = client.fetchHistory("recorded-schedule", first.getRunId()).toJson(true);
      Files.writeString(Path.of("src/test/resources", RESOURCE), json);
    }
  }
}
