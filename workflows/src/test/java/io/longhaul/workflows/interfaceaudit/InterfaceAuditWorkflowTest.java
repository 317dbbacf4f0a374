package io.longhaul.workflows.interfaceaudit;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.contracts.FailureTypes;
import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.interfaceaudit.InterfaceActivities;
import io.longhaul.contracts.interfaceaudit.InterfaceAuditWorkflow;
import io.longhaul.contracts.interfaceaudit.InterfaceAuditWorkflow.Input;
import io.longhaul.contracts.interfaceaudit.InterfaceAuditWorkflow.Report;
import io.longhaul.workflows.common.SignedDecisions;
import io.longhaul.workflows.testkit.JournalFakes;
import io.longhaul.workflows.testkit.Parked;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The interface audit workflow")
class InterfaceAuditWorkflowTest {
  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .setWorkerFactoryOptions(SignedDecisions.WORKERS)
          .setDoNotStart(true)
          .build();

  /**
   * Two switches; each has an undescribed interface that is up, one that is down, one described.
   */
  record Switches(Set<String> unreachable) implements InterfaceActivities {
    @Override
    public SiteSwitches switchesAt(String site) {
      return new SiteSwitches(site, List.of("s1-leaf1", "s1-leaf2"));
    }

    @Override
    public SwitchPorts readInterfaces(String name) {
      if (unreachable.contains(name)) {
        throw ApplicationFailure.newNonRetryableFailure(
            name + " [ssh]: no route", FailureTypes.DEVICE_UNREACHABLE);
      }
      return new SwitchPorts(
          name,
          List.of(
              new Port("Ethernet1/1", true, ""),
              new Port("Ethernet1/2", false, null),
              new Port("Ethernet1/3", true, "to hv-1 eth0")));
    }
  }

  InterfaceAuditWorkflow start(TestWorkflowEnvironment env, Switches switches, JournalFakes j) {
    var workflows = env.newWorker(TaskQueues.WORKFLOWS);
    workflows.registerWorkflowImplementationTypes(InterfaceAuditWorkflowImpl.class);
    workflows.registerActivitiesImplementations(switches, j);
    env.newWorker(TaskQueues.site("s1")).registerActivitiesImplementations(switches);
    env.start();
    InterfaceAuditWorkflow stub =
        env.getWorkflowClient()
            .newWorkflowStub(
                InterfaceAuditWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId("audit-test")
                    .setTaskQueue(TaskQueues.WORKFLOWS)
                    .build());
    WorkflowClient.start(stub::audit, new Input("s1"));
    return stub;
  }

  @Test
  @DisplayName("reads every switch and reports the interfaces that are up without a description")
  void reportsUndescribed(TestWorkflowEnvironment env) {
    var journal = new JournalFakes();
    var stub = start(env, new Switches(Set.of()), journal);
    Report report = WorkflowStub.fromTyped(stub).getResult(Report.class);

    assertThat(report)
        .isEqualTo(new Report("s1", 2, 6, List.of("s1-leaf1 Ethernet1/1", "s1-leaf2 Ethernet1/1")));
    assertThat(journal.kinds())
        .contains("read-interfaces succeeded")
        .filteredOn(k -> k.endsWith("succeeded"))
        .hasSize(3);
    assertThat(journal.outcomes).extracting(o -> o.status()).containsExactly("succeeded");
  }

  @Test
  @DisplayName("an unreadable switch parks without stopping the other; skipped, it is left out")
  void skipsAnUnreadableSwitch(TestWorkflowEnvironment env) {
    var journal = new JournalFakes();
    var stub = start(env, new Switches(Set.of("s1-leaf2")), journal);
    var pending = Parked.await(stub);
    assertThat(pending.target()).isEqualTo("s1-leaf2");
    assertThat(pending.errorType()).isEqualTo(FailureTypes.DEVICE_UNREACHABLE);
    assertThat(pending.skippable()).isTrue();

    stub.decide(
        SignedDecisions.signed(
            WorkflowStub.fromTyped(stub).getExecution().getWorkflowId(),
            "skip",
            pending,
            "op",
            "operator",
            "leaf2 is gone"));
    Report report = WorkflowStub.fromTyped(stub).getResult(Report.class);
    assertThat(report).isEqualTo(new Report("s1", 1, 3, List.of("s1-leaf1 Ethernet1/1")));
    assertThat(journal.kinds()).contains("read-interfaces skipped");
  }
}
