package io.longhaul.workflows.cluster;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.cluster.ClusterProbeInput;
import io.longhaul.contracts.cluster.ClusterProbeWorkflow;
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
 * Replays a recorded cluster probe against today's code. Record a new generation deliberately
 * (beside, never over, the old one) via {@code -Dlonghaul.record-histories=true
 * -Dtest=ClusterProbeReplayTest}.
 */
@DisplayName("Recorded cluster-probe histories")
class ClusterProbeReplayTest {
  static final String RESOURCE = "histories/cluster-probe.json";

  @Test
  @DisplayName("replay on the current workflow code without nondeterminism")
  void replays() {
    HistoryReplay.assertReplays(List.of(RESOURCE), ClusterProbeWorkflowImpl.class);
  }

  @Test
  @DisplayName("do not replay on a probe that waits before probing, so the replay test can fail")
  void catchesAChangedWorkflow() {
    HistoryReplay.assertFailsToReplay(RESOURCE, WaitsFirst.class);
  }

  /** The probe with a timer added before its first step, without a version gate. */
  public static class WaitsFirst extends ClusterProbeWorkflowImpl {
    @Override
    public io.longhaul.contracts.cluster.ClusterStatus probe(ClusterProbeInput input) {
      io.temporal.workflow.Workflow.sleep(java.time.Duration.ofSeconds(1));
      return super.probe(input);
    }
  }

  @Test
  @EnabledIfSystemProperty(named = HistoryReplay.RECORD, matches = "true")
  @DisplayName("record a fresh history from a run against fakes")
  void record() {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      var workflows = env.newWorker(TaskQueues.WORKFLOWS);
      workflows.registerWorkflowImplementationTypes(ClusterProbeWorkflowImpl.class);
      workflows.registerActivitiesImplementations(new JournalFakes());
      env.newWorker(TaskQueues.CLUSTERS)
          .registerActivitiesImplementations(new ClusterProbeWorkflowTest.Clusters());
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      client
          .newWorkflowStub(
              ClusterProbeWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId("recorded-cluster-probe")
                  .setTaskQueue(TaskQueues.WORKFLOWS)
                  .build())
          .probe(new ClusterProbeInput("sha-mesh"));
      HistoryReplay.record(client, "recorded-cluster-probe", RESOURCE);
    }
  }
}
