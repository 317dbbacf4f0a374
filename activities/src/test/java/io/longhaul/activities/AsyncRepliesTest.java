package io.longhaul.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Activities completed later")
class AsyncRepliesTest {
  static final String QUEUE = "async-replies-test";

  /** Waits for an answer that the test gives later, keyed by the request. */
  @ActivityInterface
  public interface Waiting {
    String await(String key);
  }

  @WorkflowInterface
  public interface Asking {
    @WorkflowMethod
    String ask(String key);
  }

  public static class AskingImpl implements Asking {
    private final Waiting waiting =
        Workflow.newActivityStub(
            Waiting.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(1))
                .setHeartbeatTimeout(Duration.ofSeconds(30))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());

    @Override
    public String ask(String key) {
      return waiting.await(key);
    }
  }

  TestWorkflowEnvironment env;
  AsyncReplies replies;
  final Map<String, CompletableFuture<String>> answers = new ConcurrentHashMap<>();

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    replies = new AsyncReplies(env.getWorkflowClient());
    // One slot: a waiting activity that kept its slot would leave none for the next.
    Worker worker =
        env.newWorker(
            QUEUE, WorkerOptions.newBuilder().setMaxConcurrentActivityExecutionSize(1).build());
    worker.registerWorkflowImplementationTypes(AskingImpl.class);
    worker.registerActivitiesImplementations(
        (Waiting)
            key ->
                replies.completeLater(
                    answers.computeIfAbsent(key, k -> new CompletableFuture<>()),
                    error ->
                        ApplicationFailure.newNonRetryableFailure(error.getMessage(), "Boom")));
    env.start();
  }

  @AfterEach
  void stop() {
    replies.destroy();
    env.close();
  }

  @Test
  @DisplayName("free their slot while they wait, and complete with the answer or its failure")
  void waitWithoutSlots() throws Exception {
    WorkflowClient client = env.getWorkflowClient();
    List<CompletableFuture<String>> runs = new ArrayList<>();
    for (String key : List.of("a", "b", "c")) {
      Asking stub =
          client.newWorkflowStub(
              Asking.class,
              WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId("ask-" + key).build());
      runs.add(WorkflowClient.execute(stub::ask, key));
    }
    // All three wait at once on a worker with one activity slot.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (replies.outstanding() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(replies.outstanding()).isEqualTo(3);

    answers.get("a").complete("answer a");
    answers.get("b").complete("answer b");
    answers.get("c").completeExceptionally(new IllegalStateException("leaf refused"));

    assertThat(runs.get(0).get(30, TimeUnit.SECONDS)).isEqualTo("answer a");
    assertThat(runs.get(1).get(30, TimeUnit.SECONDS)).isEqualTo("answer b");
    assertThatThrownBy(() -> runs.get(2).get(30, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOf(ActivityFailure.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo("Boom");
              assertThat(f.getOriginalMessage()).isEqualTo("leaf refused");
            });
    assertThat(replies.outstanding()).isZero();
  }
}
