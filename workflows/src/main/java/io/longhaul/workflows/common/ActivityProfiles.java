package io.longhaul.workflows.common;

import io.longhaul.contracts.FailureTypes;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * Named activity-option profiles, so every workflow chooses from the same few and a tuning change
 * lands everywhere at once.
 */
public final class ActivityProfiles {
  private static final String[] NON_RETRYABLE = FailureTypes.NON_RETRYABLE.toArray(String[]::new);

  /**
   * A local activity retries inside the workflow task only while its next backoff is this short;
   * longer backoffs become workflow timers, so the task completes. Kept in one task for longer, a
   * local activity outlives the task's heartbeat, and without a sticky queue (the embedded server)
   * the next task replays and schedules it again from attempt 1: retried forever, never parked, and
   * a cancel waits for a task that never completes.
   */
  private static final Duration LOCAL_RETRY_THRESHOLD = Duration.ofSeconds(1);

  private ActivityProfiles() {}

  /** Bookkeeping in Longhaul's own database: cheap, local to the workflow worker. */
  public static LocalActivityOptions bookkeeping() {
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(10))
        .setLocalRetryThreshold(LOCAL_RETRY_THRESHOLD)
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofMillis(200))
                .setMaximumInterval(Duration.ofSeconds(10))
                .setDoNotRetry(NON_RETRYABLE)
                .build())
        .build();
  }

  /**
   * A step that only touches Longhaul's own database (an allocation, a placement, a lookup): run in
   * the workflow's task, without a round trip through the server per call. Retried like {@link
   * #shortCall}, so a step parks for an operator after the same number of attempts.
   */
  public static LocalActivityOptions databaseStep() {
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setLocalRetryThreshold(LOCAL_RETRY_THRESHOLD)
        .setRetryOptions(retry(5))
        .build();
  }

  /** A short call: a read or an allocation. */
  public static ActivityOptions shortCall(String taskQueue) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(taskQueue)
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setRetryOptions(retry(5))
        .build();
  }

  /** A change on a device: bounded attempts, since each may open a config session. */
  public static ActivityOptions deviceChange(String taskQueue) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(taskQueue)
        .setStartToCloseTimeout(Duration.ofMinutes(2))
        .setRetryOptions(retry(4))
        .build();
  }

  /**
   * A change on a host over SSH that heartbeats between commands (and while queued for a session):
   * a worker that dies mid-call is noticed after the heartbeat timeout, not after the whole
   * start-to-close. 30 s leaves room for a loaded worker: a credential lookup waiting for a pooled
   * connection, an SSH handshake on busy cores.
   */
  public static ActivityOptions hostChange(String taskQueue) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(taskQueue)
        .setStartToCloseTimeout(Duration.ofMinutes(2))
        .setHeartbeatTimeout(Duration.ofSeconds(30))
        .setRetryOptions(retry(4))
        .build();
  }

  /**
   * Waiting for another workflow's reply (e.g. a leaf's configuration batch), heartbeating while it
   * waits; a retry sends the request again, which the other side treats idempotently.
   */
  public static ActivityOptions awaitReply(String taskQueue) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(taskQueue)
        .setStartToCloseTimeout(Duration.ofMinutes(10))
        .setHeartbeatTimeout(Duration.ofSeconds(30))
        .setRetryOptions(retry(4))
        .build();
  }

  /** Long work that heartbeats; a silent worker is presumed dead after the heartbeat timeout. */
  public static ActivityOptions longRunning(String taskQueue) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(taskQueue)
        .setStartToCloseTimeout(Duration.ofHours(6))
        .setHeartbeatTimeout(Duration.ofSeconds(30))
        .setRetryOptions(retry(10))
        .build();
  }

  private static RetryOptions retry(int attempts) {
    return RetryOptions.newBuilder()
        .setInitialInterval(Duration.ofSeconds(1))
        .setBackoffCoefficient(2.0)
        .setMaximumInterval(Duration.ofSeconds(30))
        .setMaximumAttempts(attempts)
        .setDoNotRetry(NON_RETRYABLE)
        .build();
  }
}
