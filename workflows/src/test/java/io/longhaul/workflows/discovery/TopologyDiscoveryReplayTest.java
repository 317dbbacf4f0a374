package io.longhaul.workflows.discovery;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.discovery.DiscoveryInput;
import io.longhaul.contracts.discovery.TopologyDiscoveryWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
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
    for (String history : List.of(BEFORE_OPERATOR_CONTROL, BEFORE_FOR_EACH, RESOURCE)) {
      assertThatCode(
              () ->
                  WorkflowReplayer.replayWorkflowExecutionFromResource(
                      history, TopologyDiscoveryWorkflowImpl.class))
          .as(history)
          .doesNotThrowAnyException();
    }
  }

  @Test
  @EnabledIfSystemProperty(named = "longhaul.record-histories", matches = "true")
  @DisplayName("record a fresh history from a run against fakes")
  void record() throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker workflows = env.newWorker(TaskQueues.WORKFLOWS);
      workflows.registerWorkflowImplementationTypes(TopologyDiscoveryWorkflowImpl.class);
      workflows.registerActivitiesImplementations(
          new Fakes.Inventory(List.of("l1", "l2", "l3")), new Fakes.Recorder());
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
      String json = client.fetchHistory("recorded-discovery").toJson(true);
      Files.writeString(Path.of("src/test/resources", RESOURCE), json);
    }
  }
}
