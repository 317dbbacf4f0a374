package io.longhaul.workflows.runbook;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.dsl.RunbookInput;
import io.longhaul.dsl.model.Runbook;
import io.longhaul.workflows.testkit.HistoryReplay;
import io.longhaul.workflows.testkit.JournalFakes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Replays recorded runbook runs (actions with undo and outputs; foreach, if, parallel and
 * wait-until) against today's interpreter. Record a new generation deliberately, beside the old
 * ones, via {@code -Dlonghaul.record-histories=true -Dtest=RunbookReplayTest}.
 */
@DisplayName("Recorded runbook histories")
class RunbookReplayTest {
  static final String ACTIONS = "histories/runbook-actions.json";
  static final String BLOCKS = "histories/runbook-blocks.json";

  static final String ACTIONS_STEPS =
      """
      steps:
        - id: nic
          action: ipam.allocate-port
          input: {site: "${params.site}", allocationKey: "${run.changeId}-nic"}
        - id: vm
          action: hypervisor.define-and-start
          input: {hypervisor: hv1, domain: vm1, memoryMiB: 256, vcpus: 1, mac: "${steps.nic.output.mac}", tap: t, portId: "${steps.nic.output.portId}"}
        - id: note
          action: log
          input: {message: "at ${steps.nic.output.ip}"}
      """;

  static final String BLOCKS_STEPS =
      """
      steps:
        - id: leaves
          foreach: params.leaves
          as: leaf
          concurrency: 2
          steps:
            - id: pick
              if: leaf == 'l1'
              then:
                - id: plan
                  action: switch.plan-overlay
                  input: {switchName: "${leaf}", bindings: [{interfaceName: e1, vlan: 5, vni: 1}]}
        - id: both
          parallel:
            - id: probe
              action: cluster.probe
              input: {cluster: a}
            - id: up
              wait-until: output.state == 'running'
              action: hypervisor.domain-status
              input: {hypervisor: hv1, domain: vm1, memoryMiB: 1, vcpus: 1, mac: m, tap: t, portId: p}
              interval: PT1S
      """;

  @Test
  @DisplayName("replay on the current interpreter without nondeterminism")
  void replays() {
    HistoryReplay.assertReplays(List.of(ACTIONS, BLOCKS), RunbookWorkflowImpl.class);
  }

  @Test
  @DisplayName("fail to replay on an interpreter that runs the steps in another order")
  void negativeControl() {
    HistoryReplay.assertFailsToReplay(ACTIONS, Reversed.class);
  }

  /** The interpreter running a runbook's top-level steps backwards: other commands, other order. */
  public static class Reversed extends RunbookWorkflowImpl {
    @Override
    public Result run(RunbookInput in) {
      Runbook d = in.definition();
      Runbook reversed =
          new Runbook(
              d.name(),
              d.title(),
              d.description(),
              d.params(),
              d.siteParam(),
              d.scopes(),
              d.leases(),
              d.steps().reversed());
      return super.run(
          new RunbookInput(in.runbook(), in.version(), reversed, in.params(), in.site()));
    }
  }

  @Test
  @EnabledIfSystemProperty(named = HistoryReplay.RECORD, matches = "true")
  @DisplayName("record fresh histories from runs against fakes")
  void record() {
    record("recorded-runbook-actions", ACTIONS_STEPS, ACTIONS);
    record("recorded-runbook-blocks", BLOCKS_STEPS, BLOCKS);
  }

  private static void record(String id, String steps, String resource) {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      FakeGear gear = new FakeGear();
      var workflows = env.newWorker(TaskQueues.WORKFLOWS);
      workflows.registerWorkflowImplementationTypes(RunbookWorkflowImpl.class);
      workflows.registerActivitiesImplementations(gear, new JournalFakes());
      env.newWorker(TaskQueues.site("s1")).registerActivitiesImplementations(gear);
      env.newWorker(TaskQueues.CLUSTERS).registerActivitiesImplementations(gear);
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      client
          .newWorkflowStub(
              RunbookWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId(id)
                  .setTaskQueue(TaskQueues.WORKFLOWS)
                  .build())
          .run(
              Runbooks.input(
                  RunbookWorkflowTest.HEAD + steps,
                  Map.of("site", "s1", "name", "vm1", "vlan", 100, "leaves", List.of("l1", "l2"))));
      HistoryReplay.record(client, id, resource);
    }
  }
}
