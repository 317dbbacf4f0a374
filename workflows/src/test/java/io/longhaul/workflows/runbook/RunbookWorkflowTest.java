package io.longhaul.workflows.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longhaul.contracts.FailureTypes;
import io.longhaul.contracts.TaskQueues;
import io.longhaul.dsl.RunbookInput;
import io.longhaul.dsl.check.Catalogs;
import io.longhaul.workflows.common.ConditionWait;
import io.longhaul.workflows.common.SignedDecisions;
import io.longhaul.workflows.testkit.JournalFakes;
import io.longhaul.workflows.testkit.Parked;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The runbook interpreter")
class RunbookWorkflowTest {
  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .setWorkerFactoryOptions(SignedDecisions.WORKERS)
          .setDoNotStart(true)
          .build();

  static final String HEAD =
      """
      name: test-runbook
      title: T
      params:
        type: object
        properties:
          site: {type: string, maxLength: 8}
          name: {type: string, maxLength: 40}
          vlan: {type: integer}
          leaves: {type: array, items: {type: string, maxLength: 40}}
      site: site
      """;

  final FakeGear gear = new FakeGear();
  final JournalFakes journal = new JournalFakes();

  RunbookWorkflow start(TestWorkflowEnvironment env, RunbookInput input) {
    var workflows = env.newWorker(TaskQueues.WORKFLOWS);
    workflows.registerWorkflowImplementationTypes(RunbookWorkflowImpl.class);
    workflows.registerActivitiesImplementations(gear, journal);
    env.newWorker(TaskQueues.site("s1")).registerActivitiesImplementations(gear);
    env.newWorker(TaskQueues.CLUSTERS).registerActivitiesImplementations(gear);
    env.start();
    RunbookWorkflow stub =
        env.getWorkflowClient()
            .newWorkflowStub(
                RunbookWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId("runbook-test")
                    .setTaskQueue(TaskQueues.WORKFLOWS)
                    .build());
    WorkflowClient.start(stub::run, input);
    return stub;
  }

  static RunbookInput input(String steps) {
    return Runbooks.input(
        HEAD + steps,
        Map.of("site", "s1", "name", "vm1", "vlan", 100, "leaves", List.of("l1", "l2", "l3")));
  }

  RunbookWorkflow.Result result(RunbookWorkflow stub) {
    return WorkflowStub.fromTyped(stub).getResult(RunbookWorkflow.Result.class);
  }

  void decide(RunbookWorkflow stub, String action, String actor, String role) {
    var pending = Parked.await(stub);
    stub.decide(SignedDecisions.signed("runbook-test", action, pending, actor, role, "test"));
  }

  @Test
  @DisplayName("runs actions in order, each input resolved from params and earlier outputs")
  void actionsAndOutputs(TestWorkflowEnvironment env) {
    var stub =
        start(
            env,
            input(
                """
                steps:
                  - id: nic
                    action: ipam.allocate-port
                    input: {site: "${params.site}", allocationKey: "${params.name}-nic", name: "${params.name}"}
                  - id: vm
                    action: hypervisor.define-and-start
                    input:
                      hypervisor: hv1
                      domain: ${params.name}
                      memoryMiB: 256
                      vcpus: ${1 + 1}
                      mac: ${steps.nic.output.mac}
                      tap: tap1
                      portId: ${steps.nic.output.portId}
                  - id: note
                    action: log
                    input: {message: "placed at ${steps.nic.output.ip}/${steps.nic.output.prefixLength}"}
                """));
    var result = result(stub);
    assertThat(gear.calls).containsExactly("allocatePort vm1-nic", "defineAndStart vm1@hv1");
    assertThat(result.outputs().get("note"))
        .isEqualTo(Map.of("output", Map.of("message", "placed at 10.0.0.5/24")));
    assertThat(journal.kinds()).contains("nic succeeded", "vm succeeded", "note succeeded");
  }

  @Test
  @DisplayName("a fail step fails the run; undos run newest first, a step's own seeing its output")
  void failCompensates(TestWorkflowEnvironment env) {
    var stub =
        start(
            env,
            input(
                """
                steps:
                  - id: nic
                    action: ipam.allocate-port
                    input: {site: s1, allocationKey: k1}
                  - id: vm
                    action: hypervisor.define-and-start
                    input: {hypervisor: hv1, domain: vm1, memoryMiB: 256, vcpus: 1, mac: m, tap: t, portId: p}
                  - id: push
                    action: switch.push-overlay
                    input:
                      changeId: c1
                      switchName: leaf1
                      apply: [{interfaceName: Ethernet1/1, vlan: 100, vni: 10100}]
                      remove: []
                    compensate:
                      action: switch.push-overlay
                      input: {changeId: c1, switchName: "${output.switchName}", apply: [], remove: [{interfaceName: Ethernet1/1, vlan: 100, vni: 10100}]}
                  - id: stop
                    fail: "stopped ${params.name}"
                """));
    assertThatThrownBy(() -> result(stub))
        .isInstanceOf(WorkflowFailedException.class)
        .rootCause()
        .hasMessageContaining("stopped vm1");
    assertThat(gear.calls.subList(3, gear.calls.size()))
        .containsExactly(
            "pushOverlay leaf1 apply=[] remove=[LeafBinding[interfaceName=Ethernet1/1, vlan=100, vni=10100]]",
            "destroyDomain vm1@hv1",
            "releasePort k1");
    assertThat(journal.outcomes).extracting(o -> o.status()).containsExactly("failed");
  }

  @Test
  @DisplayName("a failing step is retried by its profile, parks, and an operator may skip it")
  void retryAndSkip(TestWorkflowEnvironment env) {
    gear.failing.add("verifyOverlay");
    var stub =
        start(
            env,
            input(
                """
                steps:
                  - id: check
                    action: switch.verify-overlay
                    input: {switchName: leaf1, interfaces: [Ethernet1/1], vlan: "${params.vlan}"}
                    retry: deviceChange
                    timeout: PT20S
                    skippable: true
                  - id: after
                    action: log
                    input: {message: done}
                """));
    var pending = Parked.await(stub);
    assertThat(pending.errorType()).isEqualTo(FailureTypes.DEVICE_UNREACHABLE);
    assertThat(pending.skippable()).isTrue();
    // deviceChange allows 4 attempts (shortCall, the action's own profile, would take 5).
    assertThat(gear.attempts).hasValue(4);
    decide(stub, "skip", "op", "operator");
    assertThat(result(stub).outputs()).containsKey("after");
    assertThat(journal.kinds()).contains("check skipped", "after succeeded");
  }

  @Test
  @DisplayName("foreach, if/else and parallel: each element its own journal target")
  void blocks(TestWorkflowEnvironment env) {
    var stub =
        start(
            env,
            input(
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
                            input: {switchName: "${leaf}", bindings: [{interfaceName: e1, vlan: "${params.vlan}", vni: 1}]}
                        else:
                          - id: verify
                            action: switch.verify-overlay
                            input: {switchName: "${leaf}", interfaces: [e1], vlan: 7}
                  - id: both
                    parallel:
                      - id: probe_a
                        action: cluster.probe
                        input: {cluster: a}
                      - id: probe_b
                        action: cluster.probe
                        input: {cluster: b}
                  - id: after
                    action: log
                    input: {message: "${steps.probe_a.output.version} ${steps.probe_b.output.healthy}"}
                """));
    var result = result(stub);
    assertThat(gear.calls)
        .contains(
            "planOverlay l1", "verifyOverlay l2 7", "verifyOverlay l3 7", "probe a", "probe b")
        .hasSize(5);
    assertThat(journal.events)
        .filteredOn(e -> e.kind().equals("succeeded") && e.step().equals("verify"))
        .extracting(e -> e.target())
        .containsExactlyInAnyOrder("l2", "l3");
    assertThat(result.outputs().get("after"))
        .isEqualTo(Map.of("output", Map.of("message", "1.2 true")));
  }

  @Test
  @DisplayName("wait-until polls its read until the condition over its output holds")
  void waitUntil(TestWorkflowEnvironment env) {
    var stub =
        start(
            env,
            input(
                """
                steps:
                  - id: up
                    wait-until: output.state == 'running'
                    action: hypervisor.domain-status
                    input: {hypervisor: hv1, domain: vm1, memoryMiB: 1, vcpus: 1, mac: m, tap: t, portId: p}
                    interval: PT1S
                    max-interval: PT4S
                    deadline: PT1H
                """));
    var result = result(stub);
    assertThat(gear.polls).hasValue(3);
    assertThat(result.outputs().get("up"))
        .isEqualTo(
            Map.of(
                "output",
                Map.of("hypervisor", "hv1", "domain", "vm1", "state", "running", "ifaceId", "")));
  }

  @Test
  @DisplayName("a wait-until past its deadline parks")
  void waitDeadline(TestWorkflowEnvironment env) {
    gear.runningAfter = 1_000;
    var stub =
        start(
            env,
            input(
                """
                steps:
                  - id: up
                    wait-until: output.state == 'running'
                    action: hypervisor.domain-status
                    input: {hypervisor: hv1, domain: vm1, memoryMiB: 1, vcpus: 1, mac: m, tap: t, portId: p}
                    interval: PT1S
                    deadline: PT10S
                """));
    assertThat(Parked.await(stub).errorType()).isEqualTo(ConditionWait.DEADLINE_PASSED);
  }

  @Test
  @DisplayName("an approval shows its plan and waits for an approver")
  void approval(TestWorkflowEnvironment env) {
    var stub =
        start(
            env,
            input(
                """
                steps:
                  - id: ok
                    approval: {role: approver, plan: "push VLAN ${params.vlan} to ${params.leaves}", expires: P1D}
                  - id: after
                    action: log
                    input: {message: approved}
                """));
    var pending = Parked.await(stub);
    assertThat(pending.plan()).isEqualTo("push VLAN 100 to [l1, l2, l3]");
    assertThat(gear.calls).isEmpty();
    decide(stub, "approve", "alice", "approver");
    assertThat(result(stub).outputs()).containsKey("after");
  }

  @Test
  @DisplayName("a called runbook's steps run in this run, named under the call")
  void child(TestWorkflowEnvironment env) {
    var child =
        Runbooks.compile(
            """
            name: probe-one
            title: Probe one
            params: {type: object, required: [cluster], properties: {cluster: {type: string, maxLength: 20}}}
            steps:
              - id: probe
                action: cluster.probe
                input: {cluster: "${params.cluster}"}
            """,
            Catalogs.Runbooks.NONE);
    Catalogs.Runbooks store = (name, v) -> Optional.of(new Catalogs.Pinned(name, 3, child));
    var parent =
        Runbooks.compile(
            HEAD
                + """
                steps:
                  - id: sub
                    runbook: probe-one
                    params: {cluster: "${params.name}-mesh"}
                """,
            store);
    var stub =
        start(env, new RunbookInput("t", 1, parent, Map.of("site", "s1", "name", "x"), "s1"));
    result(stub);
    assertThat(gear.calls).containsExactly("probe x-mesh");
    assertThat(journal.kinds()).contains("sub.probe succeeded");
  }

  @Test
  @DisplayName("a window block's actions wait for an opening of the runbook's scopes, then run")
  void window(TestWorkflowEnvironment env) {
    int hour = (java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).getHour() + 2) % 24;
    journal.windows.add(
        new io.longhaul.contracts.window.WindowSpec(
            1,
            "night",
            List.of(io.longhaul.contracts.window.Scope.site("s1")),
            "FREQ=DAILY;BYHOUR=" + hour + ";BYMINUTE=0",
            null,
            60,
            "UTC",
            "2026-01-01T00:00",
            List.of()));
    var stub =
        start(
            env,
            Runbooks.input(
                HEAD.replace("site: site\n", "site: site\nscopes: [\"site:${params.site}\"]\n")
                    + """
                    steps:
                      - id: gated
                        window:
                          expected: PT20M
                          steps:
                            - id: probe
                              action: cluster.probe
                              input: {cluster: c1}
                    """,
                Map.of("site", "s1")));
    result(stub);
    assertThat(gear.calls).containsExactly("probe c1");
    assertThat(journal.kinds())
        .containsSubsequence(
            "probe waiting", "probe window_open", "probe started", "probe succeeded");
  }
}
