package io.longhaul.workflows.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longhaul.contracts.control.Actions;
import io.longhaul.contracts.control.Decision;
import io.longhaul.contracts.control.Progress;
import io.longhaul.contracts.run.BulkOutcome;
import io.longhaul.contracts.run.StepEvent;
import io.longhaul.workflows.common.LibraryWorkflows.Bulk;
import io.longhaul.workflows.common.LibraryWorkflows.BulkInput;
import io.longhaul.workflows.common.LibraryWorkflows.Carried;
import io.longhaul.workflows.common.LibraryWorkflows.CarriedInput;
import io.longhaul.workflows.common.LibraryWorkflows.Drain;
import io.longhaul.workflows.common.LibraryWorkflows.FakeDevice;
import io.longhaul.workflows.common.LibraryWorkflows.FanOut;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The step library")
class StepLibraryTest {
  final JournalFakes fakes = new JournalFakes();
  final FakeDevice device = new FakeDevice();
  TestWorkflowEnvironment env;
  WorkflowClient client;

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(LibraryWorkflows.QUEUE);
    worker.registerWorkflowImplementationTypes(
        LibraryWorkflows.FanOutImpl.class,
        LibraryWorkflows.DrainImpl.class,
        LibraryWorkflows.CarriedImpl.class,
        LibraryWorkflows.BulkImpl.class,
        LibraryWorkflows.EchoImpl.class);
    worker.registerActivitiesImplementations(fakes, device);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void close() {
    env.close();
  }

  <T> T stub(Class<T> type, String id) {
    return client.newWorkflowStub(
        type,
        WorkflowOptions.newBuilder()
            .setWorkflowId(id)
            .setTaskQueue(LibraryWorkflows.QUEUE)
            .build());
  }

  List<String> kinds(String step) {
    return fakes.events.stream()
        .filter(e -> e.step().equals(step))
        .map(e -> e.target() + " " + e.kind())
        .toList();
  }

  @Nested
  @DisplayName("forEach")
  class ForEachTargets {
    @Test
    @DisplayName("parks one failed target while the others finish, then goes on after its retry")
    void parksOneTarget() throws Exception {
      device.refusing.add("b");
      FanOut run = stub(FanOut.class, "fan-out");
      CompletableFuture<Map<String, String>> result =
          WorkflowClient.execute(run::push, List.of("a", "b", "c", "d"));
      waitFor(() -> !run.progress().pending().isEmpty() && device.pushed.size() == 3);

      assertThat(device.pushed).containsExactlyInAnyOrder("a", "c", "d");
      assertThat(run.progress().pending())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.target()).isEqualTo("b");
                assertThat(p.kind()).isEqualTo(Actions.FAILURE);
              });
      assertThat(fakes.mirrors.getLast().status()).isEqualTo("needs_attention");

      device.refusing.clear();
      run.decide(new Decision(Actions.RETRY, "push", "b", null, "ops", "device fixed"));
      assertThat(result.get())
          .containsExactly(
              Map.entry("a", "ok a"),
              Map.entry("b", "ok b"),
              Map.entry("c", "ok c"),
              Map.entry("d", "ok d"));
    }

    @Test
    @DisplayName("an abort of one parked target cancels the others and fails the run as aborted")
    void abortStopsAll() {
      device.refusing.add("a");
      device.refusing.add("b");
      FanOut run = stub(FanOut.class, "fan-out-abort");
      WorkflowClient.start(run::push, List.of("a", "b", "c"));
      waitFor(() -> run.progress().pending().size() == 2);
      run.decide(new Decision(Actions.ABORT, "push", "a", null, "ops", "wrong change"));
      assertThatThrownBy(() -> WorkflowStub.fromTyped(run).getResult(Object.class))
          .isInstanceOf(WorkflowFailedException.class);
      assertThat(fakes.outcomes.getLast().status()).isEqualTo("aborted");
    }
  }

  @Nested
  @DisplayName("a wait for a condition")
  class Conditions {
    @Test
    @DisplayName("polls until the condition holds, shown as waiting with what it waits for")
    void waitsUntilItHolds() {
      device.backlog.set(30);
      Drain run = stub(Drain.class, "drain");
      assertThat(run.drain(3600)).isZero();
      assertThat(kinds("drain"))
          .containsSubsequence("nn1 started", "nn1 waiting", "nn1 condition_met", "nn1 succeeded");
      assertThat(fakes.mirrors)
          .anySatisfy(
              m -> {
                assertThat(m.status()).isEqualTo("waiting");
                assertThat(m.progress().waitingForConditions())
                    .contains("0 blocks under-replicated");
              });
    }

    @Test
    @DisplayName("parks the step when the deadline passes, naming the condition")
    void parksAtTheDeadline() {
      device.backlog.set(1_000_000);
      Drain run = stub(Drain.class, "drain-late");
      WorkflowClient.start(run::drain, 30L);
      env.sleep(Duration.ofMinutes(1)); // the test server skips time only while asked to
      waitFor(() -> !run.progress().pending().isEmpty());
      assertThat(run.progress().pending().getFirst().errorType())
          .isEqualTo(ConditionWait.DEADLINE_PASSED);
      assertThat(run.progress().pending().getFirst().errorMessage())
          .contains("0 blocks under-replicated");
    }
  }

  @Nested
  @DisplayName("continue-as-new")
  class ContinueAsNew {
    @Test
    @DisplayName("carries a named compensation, which runs when the next execution fails")
    void carriesCompensation() {
      device.refusing.add("leaf-1");
      Carried run = stub(Carried.class, "carried");
      WorkflowClient.start(run::run, new CarriedInput(1, null));
      waitFor(() -> !run.progress().pending().isEmpty());
      run.decide(new Decision(Actions.ABORT, "bind", "leaf-1", null, "ops", "give up"));
      assertThatThrownBy(() -> WorkflowStub.fromTyped(run).getResult(String.class))
          .isInstanceOf(WorkflowFailedException.class);
      assertThat(device.released).containsExactly("port-7");
      assertThat(kinds("reserve")).containsSubsequence("port-7 succeeded", "port-7 compensated");
      // Undone, so a re-run of the change reserves again instead of reusing the ledger entry.
      assertThat(fakes.withdrawn)
          .singleElement()
          .satisfies(w -> assertThat(w.compensated().step()).isEqualTo("reserve"));
      assertThat(fakes.begins).as("executions that read the ledger").hasValue(2);
      assertUniqueSequence();
    }
  }

  @Nested
  @DisplayName("bulk child runs")
  class BulkChildren {
    @Test
    @DisplayName(
        "1,000 children in batches stay under 10,000 events per execution, each outcome kept")
    void thousandChildren() {
      Bulk run = stub(Bulk.class, "bulk");
      BulkOutcome out = run.run(new BulkInput(1_000, 50, null));

      assertThat(out.count()).isEqualTo(1_000);
      // Children 0, 97, 194, ... 970 fail: 11 of them.
      assertThat(out.failed()).isEqualTo(11);
      assertThat(out.succeeded()).isEqualTo(989);
      assertThat(out.failures())
          .hasSize(11)
          .first()
          .satisfies(
              f -> {
                assertThat(f.runId()).isEqualTo("bulk-0001");
                assertThat(f.label()).isEqualTo("child 0");
                assertThat(f.errorType()).isEqualTo("CommandRejected");
              });
      assertThat(fakes.children).hasSize(1_000);
      List<WorkflowExecutionHistory> executions = histories(run);
      assertThat(executions).hasSize(5); // 20 batches, 4 per execution
      assertThat(executions).allSatisfy(h -> assertThat(h.getEvents()).hasSizeLessThan(10_000));
      Progress p = run.progress();
      assertThat(p.done()).isEqualTo(20);
      assertThat(p.figures()).containsEntry("children.succeeded", 989L);
    }
  }

  List<WorkflowExecutionHistory> histories(Object typedStub) {
    return Executions.of(client, typedStub);
  }

  void assertUniqueSequence() {
    List<Integer> seqs = fakes.events.stream().map(StepEvent::seq).toList();
    assertThat(seqs).doesNotHaveDuplicates();
  }

  static void waitFor(java.util.function.BooleanSupplier condition) {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("condition not reached within 30 s");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
