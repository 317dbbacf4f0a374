package io.longhaul.workflows.meshcanary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.control.PendingDecision;
import io.longhaul.contracts.meshcanary.AnalysisSpec;
import io.longhaul.contracts.meshcanary.IdcTarget;
import io.longhaul.contracts.meshcanary.MeshCanaryInput;
import io.longhaul.contracts.meshcanary.MeshCanaryView;
import io.longhaul.contracts.meshcanary.MeshCanaryWorkflow;
import io.longhaul.workflows.common.SignedDecisions;
import io.longhaul.workflows.testkit.JournalFakes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The mesh control-plane canary workflow")
class MeshCanaryWorkflowTest {
  static final String STABLE = "1-24-2";
  static final String CANARY = "1-25-0";

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .setWorkerFactoryOptions(SignedDecisions.WORKERS)
          .setDoNotStart(true)
          .build();

  static MeshCanaryInput input(boolean judgement) {
    return input(judgement, AnalysisSpec.defaults());
  }

  /**
   * With 1 s intervals, for the tests that poll a running workflow: the test server skips time only
   * while a client waits for a result, so those runs' timers take real time.
   */
  static MeshCanaryInput quick(boolean judgement) {
    AnalysisSpec d = AnalysisSpec.defaults();
    return input(
        judgement,
        new AnalysisSpec(
            1,
            1,
            d.alpha(),
            d.tolerance(),
            d.passScore(),
            d.marginalScore(),
            d.minSuccessRate(),
            d.maxP99LatencyMs(),
            d.maxConvergenceSeconds(),
            d.maxRejectsPerSecond()));
  }

  static MeshCanaryInput input(boolean judgement, AnalysisSpec analysis) {
    return new MeshCanaryInput(
        List.of(new IdcTarget("sha", "shb")),
        STABLE,
        CANARY,
        "1.25.0",
        MeshFake.TAG,
        List.of(10, 50),
        analysis,
        2,
        judgement,
        2,
        60);
  }

  static MeshCanaryWorkflow start(TestWorkflowEnvironment env, MeshFake mesh, JournalFakes j) {
    var workflows = env.newWorker(TaskQueues.WORKFLOWS);
    workflows.registerWorkflowImplementationTypes(MeshCanaryWorkflowImpl.class);
    workflows.registerActivitiesImplementations(j);
    env.newWorker(TaskQueues.CLUSTERS).registerActivitiesImplementations(mesh);
    env.start();
    return env.getWorkflowClient()
        .newWorkflowStub(
            MeshCanaryWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId("canary-test")
                .setTaskQueue(TaskQueues.WORKFLOWS)
                .build());
  }

  /**
   * Every namespace labelled with the tag, every pod on stable, the tag on stable, canary at zero.
   */
  static void assertRolledBack(MeshFake mesh) {
    assertThat(mesh.labels.values()).containsOnly(MeshFake.TAG);
    assertThat(mesh.podRevision.values()).containsOnly(STABLE);
    assertThat(mesh.tags).containsEntry(MeshFake.TAG, STABLE);
    assertThat(mesh.istiods).containsEntry(CANARY, 0).containsEntry(STABLE, 1);
  }

  MeshCanaryView failsAndRollsBack(
      TestWorkflowEnvironment env, MeshFake.Fault fault, String because) {
    var mesh = new MeshFake(STABLE, 10);
    mesh.fault = fault;
    var j = new JournalFakes();
    MeshCanaryWorkflow stub = start(env, mesh, j);
    assertThatThrownBy(() -> stub.canary(input(false)))
        .isInstanceOf(WorkflowFailedException.class)
        .rootCause()
        .hasMessageContaining(because);
    assertRolledBack(mesh);
    assertThat(j.outcomes).extracting(o -> o.status()).containsExactly("failed");
    assertThat(j.kinds()).contains("relabel compensated", "install-canary compensated");
    return stub.view();
  }

  @Test
  @DisplayName(
      "a healthy canary promotes: tag on the canary, no pod on the old revision, old retired")
  void promotes(TestWorkflowEnvironment env) {
    var mesh = new MeshFake(STABLE, 10);
    var j = new JournalFakes();
    MeshCanaryView view = start(env, mesh, j).canary(input(true));
    assertThat(view.outcome()).isEqualTo("promoted");
    assertThat(mesh.podRevision.values()).containsOnly(CANARY);
    assertThat(mesh.labels.values()).containsOnly(MeshFake.TAG);
    assertThat(mesh.tags).containsEntry(MeshFake.TAG, CANARY);
    assertThat(mesh.istiods).containsOnlyKeys(CANARY);
    MeshCanaryView.Idc idc = view.idcs().getFirst();
    assertThat(idc.state()).isEqualTo("promoted");
    assertThat(idc.analyses()).hasSize(4).allMatch(a -> a.verdict().equals("pass"));
    assertThat(idc.podsByRevision()).containsOnlyKeys(CANARY);
    // Cohort 1 is 10 % of 10 namespaces: one, against a baseline of one; cohort 2 five against
    // five.
    assertThat(mesh.calls)
        .contains("analyse 1#1 canary=1 baseline=1", "analyse 2#2 canary=5 baseline=5");
  }

  @Test
  @DisplayName("a cohort answering 5xx fails the analysis and every namespace goes back to stable")
  void errors(TestWorkflowEnvironment env) {
    MeshCanaryView view = failsAndRollsBack(env, MeshFake.Fault.ERRORS_5XX, "success-rate");
    assertThat(view.outcome()).isEqualTo("rolled-back");
    assertThat(view.idcs().getFirst().state()).isEqualTo("rolled-back");
    assertThat(view.idcs().getFirst().analyses().getFirst().verdict()).isEqualTo("fail");
  }

  @Test
  @DisplayName("a canary whose configs are rejected fails and rolls back")
  void rejects(TestWorkflowEnvironment env) {
    failsAndRollsBack(env, MeshFake.Fault.REJECTS, "xds-rejects");
  }

  @Test
  @DisplayName(
      "a canary that pushes slowly is never given a cohort: scaled down, nothing relabelled")
  void slowPush(TestWorkflowEnvironment env) {
    var mesh = new MeshFake(STABLE, 10);
    mesh.fault = MeshFake.Fault.SLOW_PUSH;
    MeshCanaryWorkflow stub = start(env, mesh, new JournalFakes());
    assertThatThrownBy(() -> stub.canary(input(false)))
        .rootCause()
        .hasMessageContaining("push convergence");
    assertRolledBack(mesh);
    assertThat(mesh.calls).noneMatch(c -> c.startsWith("relabel"));
  }

  @Test
  @DisplayName("a canary ready before its queue drains gets no cohort until the queue is empty")
  void readyBeforeDrained(TestWorkflowEnvironment env) {
    var mesh = new MeshFake(STABLE, 10);
    mesh.fault = MeshFake.Fault.READY_BEFORE_DRAINED;
    start(env, mesh, new JournalFakes()).canary(input(false));
    int drained = mesh.calls.indexOf("status queued=0");
    int firstRelabel =
        mesh.calls.indexOf(
            mesh.calls.stream().filter(c -> c.startsWith("relabel")).findFirst().orElseThrow());
    assertThat(mesh.calls.subList(0, drained)).contains("status queued=120");
    assertThat(firstRelabel).isGreaterThan(drained);
  }

  @Test
  @DisplayName("a marginal analysis waits for a judgement; rejecting it rolls the canary back")
  void marginalRejected(TestWorkflowEnvironment env) throws InterruptedException {
    var mesh = new MeshFake(STABLE, 10);
    mesh.fault = MeshFake.Fault.SLOWER;
    MeshCanaryWorkflow stub = start(env, mesh, new JournalFakes());
    WorkflowClient.start(stub::canary, quick(true));
    PendingDecision p = await(stub, d -> d.step().equals("judge"));
    assertThat(p.kind()).isEqualTo("approval");
    assertThat(stub.view().idcs().getFirst().state()).isEqualTo("judging");
    stub.decide(
        SignedDecisions.signed("canary-test", "reject", p, "carol", "approver", "latency doubled"));
    assertThatThrownBy(() -> WorkflowStub.fromTyped(stub).getResult(MeshCanaryView.class))
        .isInstanceOf(WorkflowFailedException.class);
    assertRolledBack(mesh);
  }

  @Test
  @DisplayName("a marginal analysis accepted by an approver goes on to promotion")
  void marginalAccepted(TestWorkflowEnvironment env) throws InterruptedException {
    var mesh = new MeshFake(STABLE, 10);
    mesh.fault = MeshFake.Fault.SLOWER;
    MeshCanaryWorkflow stub = start(env, mesh, new JournalFakes());
    WorkflowClient.start(stub::canary, quick(true));
    for (int cohort = 1; cohort <= 2; cohort++) {
      PendingDecision p = await(stub, d -> d.step().equals("judge"));
      stub.decide(
          SignedDecisions.signed("canary-test", "approve", p, "carol", "approver", "acceptable"));
    }
    MeshCanaryView view = WorkflowStub.fromTyped(stub).getResult(MeshCanaryView.class);
    assertThat(view.outcome()).isEqualTo("promoted");
    assertThat(mesh.podRevision.values()).containsOnly(CANARY);
  }

  @Test
  @DisplayName("an IDC with an unreachable remote is not started until every cluster answers")
  void remoteDown(TestWorkflowEnvironment env) throws InterruptedException {
    var mesh = new MeshFake(STABLE, 10);
    mesh.fault = MeshFake.Fault.REMOTE_DOWN;
    MeshCanaryWorkflow stub = start(env, mesh, new JournalFakes());
    WorkflowClient.start(stub::canary, input(false));
    for (int i = 0; i < 200 && stub.progress().waitingForConditions().isEmpty(); i++) {
      Thread.sleep(50);
    }
    assertThat(stub.progress().waitingForConditions())
        .anyMatch(c -> c.contains("every cluster of sha answers"));
    assertThat(mesh.calls).doesNotContain("install " + CANARY);
    mesh.fault = MeshFake.Fault.NONE;
    assertThat(WorkflowStub.fromTyped(stub).getResult(MeshCanaryView.class).outcome())
        .isEqualTo("promoted");
  }

  @Test
  @DisplayName("holds the IDC's lease and its DR partner's")
  void leases() {
    assertThat(MeshCanaryWorkflowImpl.leases(new IdcTarget("sha", "shb")))
        .containsExactly("mesh-idc:sha", "mesh-idc:shb");
    assertThat(MeshCanaryWorkflowImpl.leases(new IdcTarget("sin", null)))
        .containsExactly("mesh-idc:sin");
  }

  static PendingDecision await(MeshCanaryWorkflow stub, Predicate<PendingDecision> what)
      throws InterruptedException {
    for (int i = 0; i < 400; i++) {
      var pending = stub.progress().pending().stream().filter(what).toList();
      if (!pending.isEmpty()) {
        return pending.getFirst();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("nothing pending");
  }
}
