package io.longhaul.workflows.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longhaul.contracts.FailureTypes;
import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.control.DecisionRefused;
import io.longhaul.contracts.control.PendingDecision;
import io.longhaul.contracts.control.RunMirror;
import io.longhaul.contracts.discovery.DiscoveryInput;
import io.longhaul.contracts.discovery.DiscoveryReport;
import io.longhaul.contracts.discovery.LldpTable;
import io.longhaul.contracts.discovery.TopologyDiscoveryWorkflow;
import io.longhaul.workflows.common.SignedDecisions;
import io.longhaul.workflows.testkit.JournalFakes;
import io.longhaul.workflows.testkit.Parked;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The topology discovery workflow")
class TopologyDiscoveryWorkflowTest {
  static final List<String> LEAVES = List.of("l1", "l2", "l3", "l4", "l5");

  // Workers are made per test: the workflow must run on the workflow queue, reads on the site's.
  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .setWorkerFactoryOptions(SignedDecisions.WORKERS)
          .setDoNotStart(true)
          .build();

  /** Runs one discovery of site {@code s1} against the fakes, with workers on the real queues. */
  static DiscoveryReport discover(
      TestWorkflowEnvironment env,
      Fakes.Inventory inventory,
      Fakes.Switches switches,
      JournalFakes recorder,
      Integer parallelism) {
    Worker workflows = env.newWorker(TaskQueues.WORKFLOWS);
    workflows.registerWorkflowImplementationTypes(TopologyDiscoveryWorkflowImpl.class);
    workflows.registerActivitiesImplementations(inventory, recorder);
    env.newWorker(TaskQueues.site("s1")).registerActivitiesImplementations(switches);
    env.start();
    TopologyDiscoveryWorkflow stub =
        env.getWorkflowClient()
            .newWorkflowStub(
                TopologyDiscoveryWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId("discovery-test")
                    .setTaskQueue(TaskQueues.WORKFLOWS)
                    .build());
    return stub.discover(new DiscoveryInput("s1", parallelism));
  }

  @Nested
  @DisplayName("when every leaf answers")
  class AllAnswer {
    @Test
    @DisplayName("reads every leaf and reconciles once with all tables, in leaf order")
    void readsAllThenReconciles(TestWorkflowEnvironment env) {
      var inventory = new Fakes.Inventory(LEAVES);
      var switches = new Fakes.Switches(Set.of());
      var recorder = new JournalFakes();
      DiscoveryReport report = discover(env, inventory, switches, recorder, null);

      assertThat(switches.reads).containsExactlyInAnyOrderElementsOf(LEAVES);
      assertThat(inventory.reconciled).hasSize(1);
      assertThat(inventory.reconciled.get(0).tables())
          .extracting(LldpTable::switchName)
          .containsExactlyElementsOf(LEAVES);
      assertThat(inventory.reconciled.get(0).changeId()).isEqualTo("discovery-test");
      assertThat(report.linksFound()).isEqualTo(5);
      assertThat(recorder.outcomes).extracting(o -> o.status()).containsExactly("succeeded");
      assertThat(recorder.events)
          .filteredOn(e -> e.kind().equals("succeeded"))
          .extracting(e -> e.step() + " " + e.target())
          .contains("list-leaves s1", "read-lldp l1", "read-lldp l5", "reconcile s1");
    }

    @Test
    @DisplayName("never has more reads in flight than the parallelism")
    void boundsParallelism(TestWorkflowEnvironment env) {
      var switches = new Fakes.Switches(Set.of());
      discover(env, new Fakes.Inventory(LEAVES), switches, new JournalFakes(), 2);
      assertThat(switches.reads).hasSize(5);
      assertThat(switches.maxInFlight.get()).isBetween(1, 2);
    }
  }

  @Nested
  @DisplayName("when a leaf cannot be read")
  class LeafFails {
    @Test
    @DisplayName("the run parks with the leaf's typed error; an abort ends it, reconciling nothing")
    void parksThenAborts(TestWorkflowEnvironment env) {
      var inventory = new Fakes.Inventory(LEAVES);
      var recorder = new JournalFakes();
      Worker workflows = env.newWorker(TaskQueues.WORKFLOWS);
      workflows.registerWorkflowImplementationTypes(TopologyDiscoveryWorkflowImpl.class);
      workflows.registerActivitiesImplementations(inventory, recorder);
      env.newWorker(TaskQueues.site("s1"))
          .registerActivitiesImplementations(new Fakes.Switches(Set.of("l3")));
      env.start();
      TopologyDiscoveryWorkflow stub =
          env.getWorkflowClient()
              .newWorkflowStub(
                  TopologyDiscoveryWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setWorkflowId("discovery-parks")
                      .setTaskQueue(TaskQueues.WORKFLOWS)
                      .build());
      WorkflowClient.start(stub::discover, new DiscoveryInput("s1", 8));

      PendingDecision pending = Parked.await(stub);
      assertThat(pending.step()).isEqualTo("read-lldp");
      assertThat(pending.target()).isEqualTo("l3");
      assertThat(pending.errorType()).isEqualTo(FailureTypes.AUTHENTICATION_FAILED);
      assertThat(pending.skippable()).isFalse();
      assertThat(recorder.mirrors).extracting(RunMirror::status).contains("needs_attention");
      assertThatThrownBy(
              () ->
                  stub.decide(
                      SignedDecisions.signed(
                          "discovery-parks", "skip", pending, "op", "operator", "no")))
          .isInstanceOf(WorkflowUpdateException.class)
          .satisfies(
              e ->
                  assertThat(DecisionRefused.of(e))
                      .hasValue(
                          new DecisionRefused.Refusal(
                              DecisionRefused.Reason.INVALID,
                              "action",
                              "skip is not allowed here; allowed: [abort, retry]")));

      stub.decide(
          SignedDecisions.signed(
              "discovery-parks", "abort", pending, "op", "operator", "leaf is gone"));
      assertThatThrownBy(() -> WorkflowStub.fromTyped(stub).getResult(DiscoveryReport.class))
          .isInstanceOf(WorkflowFailedException.class)
          .cause()
          .isInstanceOfSatisfying(
              ApplicationFailure.class,
              f -> assertThat(f.getType()).isEqualTo("AbortedByOperator"));
      assertThat(inventory.reconciled).isEmpty();
      assertThat(recorder.outcomes).extracting(o -> o.status()).containsExactly("aborted");
      assertThat(recorder.events)
          .filteredOn(e -> e.kind().equals("failed"))
          .extracting(e -> e.step() + " " + e.target())
          .containsExactly("read-lldp l3");
    }
  }
}
