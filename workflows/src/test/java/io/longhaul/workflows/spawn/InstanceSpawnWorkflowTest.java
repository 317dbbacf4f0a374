package io.longhaul.workflows.spawn;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.contracts.spawn.DeleteInput;
import io.longhaul.contracts.spawn.InstanceDeleteWorkflow;
import io.longhaul.contracts.spawn.InstanceSpawnWorkflow;
import io.longhaul.contracts.spawn.SpawnInput;
import io.longhaul.contracts.spawn.SpawnResult;
import io.temporal.client.WorkflowFailedException;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The instance spawn workflow")
class InstanceSpawnWorkflowTest {
  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder().setDoNotStart(true).build();

  static final SpawnInput INPUT =
      new SpawnInput("s1", "vm1", "vm", null, "web", null, null, 1, 256, null, false);

  /**
   * Starts a spawn that will fail, waits until it parks for an operator (operator control), and
   * aborts it; returns how the run ended.
   */
  static Throwable spawnParkedThenAborted(TestWorkflowEnvironment env, SpawnFakes fakes) {
    SpawnTestEnv.start(env, fakes);
    InstanceSpawnWorkflow stub =
        env.getWorkflowClient()
            .newWorkflowStub(InstanceSpawnWorkflow.class, SpawnTestEnv.options("spawn-test"));
    io.temporal.client.WorkflowClient.start(stub::spawn, INPUT);
    var pending = awaitPending(stub, p -> true);
    stub.decide(
        new io.longhaul.contracts.control.Decision(
            "abort", pending.step(), pending.target(), null, "op", "test"));
    try {
      io.temporal.client.WorkflowStub.fromTyped(stub).getResult(SpawnResult.class);
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  /**
   * Starts a spawn that fails at verify, breaks destroyDomain and aborts: the define-start undo
   * parks twice, an operator retries it each time and mends it before the second retry. Returns how
   * the run ended.
   */
  static Throwable abortedWithUndoRetried(TestWorkflowEnvironment env, SpawnFakes fakes) {
    SpawnTestEnv.start(env, fakes);
    InstanceSpawnWorkflow stub =
        env.getWorkflowClient()
            .newWorkflowStub(InstanceSpawnWorkflow.class, SpawnTestEnv.options("spawn-undo"));
    io.temporal.client.WorkflowClient.start(stub::spawn, INPUT);
    var failed = awaitPending(stub, p -> p.step().equals("verify"));
    fakes.broken = "destroyDomain";
    stub.decide(decision("abort", failed));
    for (int attempt = 1; attempt <= 2; attempt++) {
      int a = attempt;
      var undo = awaitPending(stub, p -> p.step().equals("undo:define-start") && p.attempt() == a);
      assertThat(undo.kind()).isEqualTo("compensation");
      assertThat(undo.target()).isEqualTo("hv1");
      assertThat(undo.errorType()).isEqualTo("CommandRejected");
      assertThat(fakes.calls).doesNotContain("releasePort spawn-undo:allocate-port:vm1");
      if (attempt == 2) {
        fakes.broken = null; // mended: the next retry succeeds
      }
      stub.decide(decision("retry", undo));
    }
    try {
      io.temporal.client.WorkflowStub.fromTyped(stub).getResult(SpawnResult.class);
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  static io.longhaul.contracts.control.PendingDecision awaitPending(
      InstanceSpawnWorkflow stub,
      java.util.function.Predicate<io.longhaul.contracts.control.PendingDecision> which) {
    for (int i = 0; i < 200; i++) {
      var found = stub.progress().pending().stream().filter(which).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      sleep(50);
    }
    throw new AssertionError("no such pending decision: " + stub.progress().pending());
  }

  static io.longhaul.contracts.control.Decision decision(
      String action, io.longhaul.contracts.control.PendingDecision p) {
    return new io.longhaul.contracts.control.Decision(
        action, p.step(), p.target(), null, "op", "test");
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static SpawnResult spawn(TestWorkflowEnvironment env, SpawnFakes fakes) {
    SpawnTestEnv.start(env, fakes);
    return env.getWorkflowClient()
        .newWorkflowStub(InstanceSpawnWorkflow.class, SpawnTestEnv.options("spawn-test"))
        .spawn(INPUT);
  }

  @Nested
  @DisplayName("when every step succeeds")
  class Succeeds {
    @Test
    @DisplayName("runs Fig 10's steps in order, both leaves, and compensates nothing")
    void inOrder(TestWorkflowEnvironment env) {
      var fakes = new SpawnFakes(null);
      SpawnResult r = spawn(env, fakes);
      assertThat(r.hypervisor()).isEqualTo("hv1");
      assertThat(r.leaves()).containsExactly("leaf1", "leaf2");
      assertThat(fakes.calls.stream().map(c -> c.split(" ")[0]).distinct().toList())
          .containsSubsequence(
              "claim",
              "reserve",
              "allocatePort",
              "defineAndStart",
              "plug",
              "bindPort",
              "hostLeaves",
              "submit-apply",
              "verifyOverlay",
              "domainStatus",
              "activatePort",
              "setState");
      assertThat(fakes.events).noneMatch(e -> e.kind().equals("compensated"));
      assertThat(fakes.outcomes).extracting(o -> o.status()).containsExactly("succeeded");
      var last = fakes.progress.getLast();
      assertThat(last.done()).isEqualTo(13);
      assertThat(last.total()).isEqualTo(13);
    }

    @Test
    @DisplayName("keys every side effect by change id, step and target, so a re-run sends the same")
    void keyedByChange(TestWorkflowEnvironment env) {
      var fakes = new SpawnFakes(null);
      fakes.changeId = "change-1";
      SpawnTestEnv.start(env, fakes);
      for (String id : java.util.List.of("spawn-first", "spawn-rerun")) {
        env.getWorkflowClient()
            .newWorkflowStub(InstanceSpawnWorkflow.class, SpawnTestEnv.options(id))
            .spawn(INPUT);
      }
      var first = fakes.keys.subList(0, fakes.keys.size() / 2);
      var rerun = fakes.keys.subList(fakes.keys.size() / 2, fakes.keys.size());
      assertThat(first)
          .containsExactlyInAnyOrder(
              "change-1:validate:vm1",
              "change-1:allocate-port:vm1",
              "change-1:ensure-overlay:leaf1",
              "change-1:ensure-overlay:leaf2");
      assertThat(rerun).containsExactlyInAnyOrderElementsOf(first);
    }
  }

  @Nested
  @DisplayName("with requireApproval")
  class WithApproval {
    static final SpawnInput APPROVED =
        new SpawnInput("s1", "vm1", "vm", null, "web", null, null, 1, 256, null, true);

    /** Starts the spawn, waits for its approval request, answers it, and returns how it ended. */
    Throwable decided(TestWorkflowEnvironment env, SpawnFakes fakes, String action) {
      SpawnTestEnv.start(env, fakes);
      InstanceSpawnWorkflow stub =
          env.getWorkflowClient()
              .newWorkflowStub(InstanceSpawnWorkflow.class, SpawnTestEnv.options("spawn-test"));
      io.temporal.client.WorkflowClient.start(stub::spawn, APPROVED);
      var pending = awaitPending(stub, p -> true);
      assertThat(pending.kind()).isEqualTo("approval");
      assertThat(pending.step()).isEqualTo("approve-overlay");
      assertThat(pending.role()).isEqualTo("approver");
      assertThat(pending.plan())
          .contains("host      hv1", "leaf1 (nxos)\n  interface", "leaf2 (nxos)");
      // The leaves are planned, not touched, while the run waits.
      assertThat(fakes.calls).contains("planOverlay leaf1", "planOverlay leaf2");
      assertThat(fakes.calls).noneMatch(c -> c.startsWith("submit"));
      stub.decide(
          new io.longhaul.contracts.control.Decision(
              action, pending.step(), pending.target(), null, "boss", "checked"));
      try {
        io.temporal.client.WorkflowStub.fromTyped(stub).getResult(SpawnResult.class);
        return null;
      } catch (RuntimeException e) {
        return e;
      }
    }

    @Test
    @DisplayName("plans both leaves, waits for the approver, then configures them")
    void approved(TestWorkflowEnvironment env) {
      var fakes = new SpawnFakes(null);
      assertThat(decided(env, fakes, "approve")).isNull();
      assertThat(fakes.calls).anyMatch(c -> c.startsWith("submit-apply"));
      assertThat(fakes.outcomes).extracting(o -> o.status()).containsExactly("succeeded");
      // Plans on both leaves and the approval count too.
      assertThat(fakes.progress.getLast().done()).isEqualTo(16);
      assertThat(fakes.progress.getLast().total()).isEqualTo(16);
    }

    @Test
    @DisplayName("a rejection undoes the domain, port and reservation")
    void rejected(TestWorkflowEnvironment env) {
      var fakes = new SpawnFakes(null);
      assertThat(decided(env, fakes, "reject")).isInstanceOf(WorkflowFailedException.class);
      assertThat(fakes.calls).noneMatch(c -> c.startsWith("submit-apply"));
      assertThat(fakes.calls).contains("destroyDomain vm1", "forget vm1");
    }
  }

  @Nested
  @DisplayName("when a step fails for good")
  class Fails {
    @Test
    @DisplayName("parks it; an abort undoes every completed step in reverse")
    void compensatesInReverse(TestWorkflowEnvironment env) {
      var fakes = new SpawnFakes("verifyOverlay");
      assertThat(spawnParkedThenAborted(env, fakes)).isInstanceOf(WorkflowFailedException.class);
      int failedAt = fakes.calls.indexOf("verifyOverlay leaf1");
      var undone =
          fakes.calls.subList(failedAt, fakes.calls.size()).stream()
              .map(c -> c.split(" ")[0])
              .filter(c -> !c.equals("verifyOverlay"))
              .distinct()
              .toList();
      assertThat(undone)
          .containsExactly(
              "submit-remove",
              "unplug",
              "destroyDomain",
              "releasePort",
              "releaseCapacity",
              "forget");
      assertThat(fakes.events)
          .filteredOn(e -> e.kind().equals("compensated"))
          .extracting(e -> e.step())
          .containsExactly(
              "ensure-overlay",
              "ensure-overlay",
              "plug",
              "define-start",
              "allocate-port",
              "place",
              "validate");
      assertThat(fakes.outcomes).extracting(o -> o.status()).containsExactly("aborted");
    }

    @Test
    @DisplayName(
        "a failed undo parks as undo:<step> and is retried until it succeeds; the rest run")
    void failedUndoParks(TestWorkflowEnvironment env) {
      var fakes = new SpawnFakes("verifyOverlay");
      assertThat(abortedWithUndoRetried(env, fakes)).isInstanceOf(WorkflowFailedException.class);
      assertThat(fakes.events)
          .filteredOn(e -> e.step().equals("define-start") && e.kind().startsWith("compensat"))
          .extracting(e -> e.kind() + " " + e.attempt())
          .containsExactly(
              "compensating 1",
              "compensation_failed 1",
              "compensating 2",
              "compensation_failed 2",
              "compensating 3",
              "compensated 3");
      assertThat(fakes.events)
          .filteredOn(e -> e.step().equals("undo:define-start"))
          .extracting(e -> e.kind())
          .containsExactly("parked", "decided", "parked", "decided");
      // The undos after it ran once it succeeded.
      assertThat(
              fakes.calls.subList(fakes.calls.lastIndexOf("destroyDomain vm1"), fakes.calls.size()))
          .containsSubsequence(
              "releasePort spawn-undo:allocate-port:vm1", "releaseCapacity vm1", "forget vm1");
      assertThat(fakes.outcomes).extracting(o -> o.status()).containsExactly("aborted");
    }

    @Test
    @DisplayName("a drifted pod's port it did not create gets its previous binding back")
    void restoresADriftedBinding(TestWorkflowEnvironment env) {
      var fakes = new SpawnFakes("verifyOverlay");
      fakes.portCreated = false;
      assertThat(spawnParkedThenAborted(env, fakes)).isInstanceOf(WorkflowFailedException.class);
      assertThat(fakes.events)
          .filteredOn(e -> e.kind().equals("compensated"))
          .extracting(e -> e.step())
          .containsSubsequence("ensure-overlay", "bind-port", "plug", "allocate-port");
      assertThat(fakes.calls).contains("restoreBinding " + SpawnFakes.PORT_ID);
    }

    @Test
    @DisplayName("a failure at validation undoes only the claim")
    void earlyFailure(TestWorkflowEnvironment env) {
      var fakes = new SpawnFakes("claim");
      assertThat(spawnParkedThenAborted(env, fakes)).isInstanceOf(WorkflowFailedException.class);
      assertThat(fakes.calls).containsExactly("claim vm1", "forget vm1");
    }
  }

  @Nested
  @DisplayName("a pod")
  class Pod {
    @Test
    @DisplayName("names its port after its labels' values in key order")
    void portName() {
      var pod =
          new SpawnInput(
              "s1",
              "p1",
              "pod",
              null,
              "web",
              null,
              Map.of("ns", "Shop", "app", "cart"),
              1,
              64,
              null,
              false);
      assertThat(pod.effectivePortName()).isEqualTo("cart.shop");
      assertThat(INPUT.effectivePortName()).isNull();
    }
  }

  @Nested
  @DisplayName("the teardown")
  class Teardown {
    @Test
    @DisplayName("runs the steps in reverse: overlay, domain, OVS, port, capacity, record")
    void reverse(TestWorkflowEnvironment env) {
      var fakes = new SpawnFakes(null);
      SpawnTestEnv.start(env, fakes);
      var r =
          env.getWorkflowClient()
              .newWorkflowStub(InstanceDeleteWorkflow.class, SpawnTestEnv.options("delete-test"))
              .delete(new DeleteInput("vm1"));
      assertThat(r.portReleased()).isTrue();
      assertThat(fakes.calls.stream().map(c -> c.split(" ")[0]).distinct().toList())
          .containsExactly(
              "find",
              "setState",
              "hostLeaves",
              "submit-remove",
              "destroyDomain",
              "unplug",
              "releasePort",
              "releaseCapacity",
              "forget");
    }
  }
}
