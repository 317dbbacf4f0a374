package io.longhaul.workflows.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.drift.DriftWatchState;
import io.longhaul.contracts.drift.DriftWatchWorkflow;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The drift watch workflow")
class DriftWatchWorkflowTest {

  @Test
  @DisplayName(
      "checks on its timer, keeps going past a failed check, and continues as new with a small"
          + " history")
  void watches() {
    var fakes = new DriftFakes(List.of(2));
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      env.newWorker(TaskQueues.WORKFLOWS)
          .registerWorkflowImplementationTypes(DriftWatchWorkflowImpl.class);
      env.newWorker(TaskQueues.site("sha")).registerActivitiesImplementations(fakes);
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      DriftWatchWorkflow stub =
          client.newWorkflowStub(
              DriftWatchWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId(DriftWatchWorkflow.workflowId("sha"))
                  .setTaskQueue(TaskQueues.WORKFLOWS)
                  .build());
      var first = WorkflowClient.start(stub::watch, new DriftWatchState("sha", 60, 3, 0));
      env.sleep(Duration.ofMinutes(7).plusSeconds(30));
      assertThat(fakes.checks.get()).isEqualTo(8);
      var report =
          client.newWorkflowStub(DriftWatchWorkflow.class, first.getWorkflowId()).lastReport();
      assertThat(report.checks()).isEqualTo(8);
      assertThat(report.drifting()).containsExactly("vm-8: domain vm-8 is paused");
      // the first execution: three checks, then continue-as-new
      var history = client.fetchHistory(first.getWorkflowId(), first.getRunId()).getEvents();
      assertThat(history.getLast().getEventType())
          .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
      assertThat(
              history.stream()
                  .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
                  .count())
          .isEqualTo(3);
      assertThat(history).hasSizeLessThan(60);
    }
  }
}
