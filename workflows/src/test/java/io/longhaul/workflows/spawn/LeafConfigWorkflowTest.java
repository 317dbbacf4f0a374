package io.longhaul.workflows.spawn;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.contracts.FailureTypes;
import io.longhaul.contracts.spawn.LeafBinding;
import io.longhaul.contracts.spawn.LeafConfigState;
import io.longhaul.contracts.spawn.LeafConfigWorkflow;
import io.longhaul.contracts.spawn.OverlayRequest;
import io.longhaul.contracts.spawn.OverlayResult;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The per-leaf configuration workflow")
class LeafConfigWorkflowTest {
  // Real time: the batching depends on requests arriving while the linger timer runs. The
  // extension's real-time mode fails at cleanup (unlockTimeSkipping on a closed channel), so the
  // environment is made by hand.
  TestWorkflowEnvironment env;

  @org.junit.jupiter.api.BeforeEach
  void environment() {
    env =
        TestWorkflowEnvironment.newInstance(
            io.temporal.testing.TestEnvironmentOptions.newBuilder()
                .setUseTimeskipping(false)
                .build());
  }

  static final int REQUESTS = 20;

  @org.junit.jupiter.api.AfterEach
  void close() {
    env.close();
  }

  /** Sends {@code REQUESTS} concurrent apply requests; each returns its result or its failure. */
  static List<Object> burst(TestWorkflowEnvironment env, SpawnFakes fakes) {
    SpawnTestEnv.start(env, fakes);
    WorkflowClient client = env.getWorkflowClient();
    LeafConfigWorkflow leaf =
        client.newWorkflowStub(
            LeafConfigWorkflow.class, SpawnTestEnv.options(LeafConfigWorkflow.workflowId("leaf1")));
    WorkflowClient.start(leaf::run, new LeafConfigState("leaf1", "s1", 0, 50L));
    // One thread per requester: each blocks until its batch is pushed, as spawns do.
    var threads = java.util.concurrent.Executors.newFixedThreadPool(REQUESTS);
    List<CompletableFuture<Object>> answers = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      var request =
          new OverlayRequest(
              "r" + i,
              "s1",
              "leaf1",
              OverlayRequest.APPLY,
              "vm" + i,
              List.of(new LeafBinding("Ethernet1/" + (i % 8 + 1), 100, 10100)));
      LeafConfigWorkflow stub =
          client.newWorkflowStub(LeafConfigWorkflow.class, LeafConfigWorkflow.workflowId("leaf1"));
      answers.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return stub.change(request);
                } catch (WorkflowUpdateException e) {
                  return e;
                }
              },
              threads));
    }
    try {
      return answers.stream().map(CompletableFuture::join).toList();
    } finally {
      threads.shutdown();
    }
  }

  @Nested
  @DisplayName("given a burst of concurrent requests")
  class Burst {
    @Test
    @DisplayName("pushes them in a few batches, one push each, and answers every requester")
    void coalesces() {
      var fakes = new SpawnFakes(null);
      List<Object> answers = burst(env, fakes);
      assertThat(answers).allMatch(a -> a instanceof OverlayResult);
      assertThat(answers)
          .extracting(a -> ((OverlayResult) a).requestId())
          .containsExactlyInAnyOrderElementsOf(
              java.util.stream.IntStream.range(0, REQUESTS).mapToObj(i -> "r" + i).toList());
      long pushes = fakes.calls.stream().filter(c -> c.startsWith("pushOverlay")).count();
      assertThat(fakes.batches).hasSizeLessThan(REQUESTS);
      assertThat(pushes).isEqualTo(fakes.batches.size());
      assertThat(fakes.batches.stream().mapToInt(b -> b.requests().size()).sum())
          .isEqualTo(REQUESTS);
      assertThat(fakes.batches).extracting(b -> b.batchId()).doesNotHaveDuplicates();
    }
  }

  @Nested
  @DisplayName("when a push fails")
  class PushFails {
    @Test
    @DisplayName("every requester of the batch gets the typed failure, and the workflow lives on")
    void eachRequesterFails() {
      var fakes = new SpawnFakes("pushOverlay");
      List<Object> answers = burst(env, fakes);
      assertThat(answers)
          .allSatisfy(
              a -> {
                assertThat(a).isInstanceOf(WorkflowUpdateException.class);
                assertThat(((WorkflowUpdateException) a).getCause())
                    .isInstanceOfSatisfying(
                        ApplicationFailure.class,
                        f -> assertThat(f.getType()).isEqualTo(FailureTypes.COMMAND_REJECTED));
              });
      assertThat(
              env.getWorkflowClient()
                  .newUntypedWorkflowStub(LeafConfigWorkflow.workflowId("leaf1"))
                  .describe()
                  .getStatus()
                  .name())
          .isEqualTo("WORKFLOW_EXECUTION_STATUS_RUNNING");
    }
  }
}
