package io.longhaul.workflows.discovery;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.control.Decision;
import io.longhaul.contracts.control.Progress;
import io.longhaul.contracts.discovery.DiscoveryInput;
import io.longhaul.contracts.discovery.DiscoveryReport;
import io.longhaul.contracts.discovery.TopologyDiscoveryWorkflow;
import io.longhaul.workflows.testkit.HistoryReplay;
import io.longhaul.workflows.testkit.JournalFakes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Replays a recorded history against today's code: a change that would break runs in flight fails
 * here. Re-record deliberately (with a version tag in the workflow) via {@code
 * -Dlonghaul.record-histories=true -Dtest=TopologyDiscoveryReplayTest}.
 */
@DisplayName("Recorded topology discovery histories")
class TopologyDiscoveryReplayTest {
  /** Recorded before operator control (the journal's "operator-control" version tag). */
  static final String BEFORE_OPERATOR_CONTROL = "histories/topology-discovery.json";

  /** Recorded before the reads went through the journal's forEach ("for-each" version tag). */
  static final String BEFORE_FOR_EACH = "histories/topology-discovery-operator-control.json";

  /** The newest recording; {@link #record} writes it. */
  static final String RESOURCE = "histories/topology-discovery-for-each.json";

  @Test
  @DisplayName("replay on the current workflow code without nondeterminism")
  void replays() {
    HistoryReplay.assertReplays(
        List.of(BEFORE_OPERATOR_CONTROL, BEFORE_FOR_EACH, RESOURCE),
        TopologyDiscoveryWorkflowImpl.class);
  }

  @Test
  @DisplayName("do not replay on code that reads no leaves, so the replay test can fail")
  void catchesAChangedWorkflow() {
    HistoryReplay.assertFailsToReplay(RESOURCE, ReadsNothing.class);
  }

  /** Topology discovery that schedules no activity at all: not the code the history recorded. */
  public static class ReadsNothing implements TopologyDiscoveryWorkflow {
    @Override
    public DiscoveryReport discover(DiscoveryInput input) {
      return new DiscoveryReport(input.site(), 0, 0, 0, List.of(), List.of(), List.of());
    }

    @Override
    public String decide(Decision decision) {
      return decision.action();
    }

    @Override
    public void validateDecide(Decision decision) {}

    @Override
    public Progress progress() {
      return null;
    }

    @Override
    public void leaseAvailable() {}
  }

  @Test
  @EnabledIfSystemProperty(named = HistoryReplay.RECORD, matches = "true")
  @DisplayName("record a fresh history from a run against fakes")
  void record() {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker workflows = env.newWorker(TaskQueues.WORKFLOWS);
      workflows.registerWorkflowImplementationTypes(TopologyDiscoveryWorkflowImpl.class);
      workflows.registerActivitiesImplementations(
          new Fakes.Inventory(List.of("l1", "l2", "l3")), new JournalFakes());
      env.newWorker(TaskQueues.site("s1"))
          .registerActivitiesImplementations(new Fakes.Switches(Set.of()));
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      TopologyDiscoveryWorkflow stub =
          client.newWorkflowStub(
              TopologyDiscoveryWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId("recorded-discovery")
                  .setTaskQueue(TaskQueues.WORKFLOWS)
                  .build());
      stub.discover(new DiscoveryInput("s1", 2));
      HistoryReplay.record(client, "recorded-discovery", RESOURCE);
    }
  }
}
