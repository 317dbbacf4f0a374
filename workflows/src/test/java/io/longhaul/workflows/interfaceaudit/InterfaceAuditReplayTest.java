package io.longhaul.workflows.interfaceaudit;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.interfaceaudit.InterfaceAuditWorkflow;
import io.longhaul.contracts.interfaceaudit.InterfaceAuditWorkflow.Input;
import io.longhaul.contracts.interfaceaudit.InterfaceAuditWorkflow.Report;
import io.longhaul.workflows.common.SignedDecisions;
import io.longhaul.workflows.testkit.HistoryReplay;
import io.longhaul.workflows.testkit.JournalFakes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Replays a recorded interface audit against today's code. Record a new generation deliberately
 * (beside, never over, the old one) via {@code -Dlonghaul.record-histories=true
 * -Dtest=InterfaceAuditReplayTest}.
 */
@DisplayName("Recorded interface-audit histories")
class InterfaceAuditReplayTest {
  static final String RESOURCE = "histories/interface-audit.json";

  @Test
  @DisplayName("replay on the current workflow code without nondeterminism")
  void replays() {
    HistoryReplay.assertReplays(List.of(RESOURCE), InterfaceAuditWorkflowImpl.class);
  }

  @Test
  @DisplayName("do not replay on an audit that waits before reading, so the replay test can fail")
  void catchesAChangedWorkflow() {
    HistoryReplay.assertFailsToReplay(RESOURCE, WaitsFirst.class);
  }

  /** The audit with a timer added before its first step, without a version gate. */
  public static class WaitsFirst extends InterfaceAuditWorkflowImpl {
    @Override
    public Report audit(Input input) {
      Workflow.sleep(Duration.ofSeconds(1));
      return super.audit(input);
    }
  }

  @Test
  @EnabledIfSystemProperty(named = HistoryReplay.RECORD, matches = "true")
  @DisplayName("record a fresh history from a run against fakes")
  void record() {
    try (TestWorkflowEnvironment env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setWorkerFactoryOptions(SignedDecisions.WORKERS)
                .build())) {
      var switches = new InterfaceAuditWorkflowTest.Switches(Set.of());
      var workflows = env.newWorker(TaskQueues.WORKFLOWS);
      workflows.registerWorkflowImplementationTypes(InterfaceAuditWorkflowImpl.class);
      workflows.registerActivitiesImplementations(switches, new JournalFakes());
      env.newWorker(TaskQueues.site("s1")).registerActivitiesImplementations(switches);
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      client
          .newWorkflowStub(
              InterfaceAuditWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId("recorded-interface-audit")
                  .setTaskQueue(TaskQueues.WORKFLOWS)
                  .build())
          .audit(new Input("s1"));
      HistoryReplay.record(client, "recorded-interface-audit", RESOURCE);
    }
  }
}
