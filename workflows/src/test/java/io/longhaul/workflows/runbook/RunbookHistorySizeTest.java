package io.longhaul.workflows.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.workflows.testkit.JournalFakes;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How much history the interpreter writes per step, so a runbook's size can be judged against
 * Temporal's history limits: 50 remote action steps in a row. The figure is printed for the notes;
 * the bound asserted is loose (the platform's own steps cost what they cost).
 */
@DisplayName("The runbook interpreter's history")
class RunbookHistorySizeTest {
  static final int STEPS = 50;

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder().setDoNotStart(true).build();

  @Test
  @DisplayName("stays within a dozen events per action step")
  void eventsPerStep(TestWorkflowEnvironment env) {
    FakeGear gear = new FakeGear();
    var workflows = env.newWorker(TaskQueues.WORKFLOWS);
    workflows.registerWorkflowImplementationTypes(RunbookWorkflowImpl.class);
    workflows.registerActivitiesImplementations(gear, new JournalFakes());
    env.newWorker(TaskQueues.CLUSTERS).registerActivitiesImplementations(gear);
    env.start();
    StringBuilder steps = new StringBuilder("steps:\n");
    for (int i = 0; i < STEPS; i++) {
      steps
          .append("  - id: probe_")
          .append(i)
          .append("\n    action: cluster.probe\n    input: {cluster: c")
          .append(i)
          .append("}\n");
    }
    env.getWorkflowClient()
        .newWorkflowStub(
            RunbookWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId("history-size")
                .setTaskQueue(TaskQueues.WORKFLOWS)
                .build())
        .run(Runbooks.input(RunbookWorkflowTest.HEAD + steps, Map.of("site", "s1")));
    int events = env.getWorkflowClient().fetchHistory("history-size").getHistory().getEventsCount();
    System.out.printf(
        "runbook history: %d events for %d action steps, %.1f per step%n",
        events, STEPS, events / (double) STEPS);
    assertThat(gear.calls).hasSize(STEPS);
    assertThat(events).isLessThanOrEqualTo(12 * STEPS + 20);
  }
}
