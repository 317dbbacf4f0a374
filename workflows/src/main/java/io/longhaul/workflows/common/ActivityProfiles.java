package io.longhaul.workflows.common;

import io.longhaul.contracts.FailureTypes;
import io.longhaul.contracts.TaskQueues;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Named activity-option profiles, so every workflow chooses from the same few and a tuning change
 * lands everywhere at once. Operators tune a profile's timeouts and attempts by configuration, per
 * site where it matters ({@link #tune}); the worker runtime installs the tuning before it polls.
 * Options are not part of a workflow's commands, so a tuning change never breaks replay; it applies
 * to activities scheduled after it.
 */
public final class ActivityProfiles {
  private static final String[] NON_RETRYABLE = FailureTypes.NON_RETRYABLE.toArray(String[]::new);
  private static final String SITE_QUEUE = TaskQueues.site("");

  private static volatile Map<String, ProfileTuning> tuning = Map.of();

  /**
   * A local activity retries inside the workflow task only while its next backoff is this short;
   * longer backoffs become workflow timers, so the task completes. Kept in one task for longer, a
   * local activity outlives the task's heartbeat, and without a sticky queue (the embedded server)
   * the next task replays and schedules it again from attempt 1: retried forever, never parked, and
   * a cancel waits for a task that never completes.
   */
  private static final Duration LOCAL_RETRY_THRESHOLD = Duration.ofSeconds(1);

  /** How long the journal's bookkeeping rides out a database that cannot be reached. */
  private static final Duration BOOKKEEPING_RETRIES_FOR = Duration.ofMinutes(30);

  private ActivityProfiles() {}

  /**
   * Installs operators' overrides by profile name ({@code deviceChange}, {@code device-change} and
   * {@code devicechange} are the same name, as configuration spells them in different places).
   */
  public static void tune(Map<String, ProfileTuning> byProfile) {
    Map<String, ProfileTuning> normalized = new HashMap<>();
    List<String> known = TUNABLE.stream().map(ActivityProfiles::normalize).toList();
    byProfile.forEach(
        (name, t) -> {
          if (!known.contains(normalize(name))) {
            throw new IllegalArgumentException(
                "no activity profile named " + name + "; tunable: " + TUNABLE);
          }
          normalized.put(normalize(name), t);
        });
    tuning = Map.copyOf(normalized);
  }

  /**
   * The profiles {@link #tune} accepts: those of activities on a task queue. The local ones
   * (bookkeeping, database steps) run inside the workflow's task and stay as they are.
   */
  public static final List<String> TUNABLE =
      List.of("shortCall", "deviceChange", "hostChange", "awaitReply", "longRunning");

  /** Bookkeeping in Longhaul's own database: cheap, local to the workflow worker. */
  public static LocalActivityOptions bookkeeping() {
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(10))
        // Without a schedule-to-close timeout, a retry policy with no attempt limit counts as no
        // policy at all for a local activity (the SDK's isRetryPolicyNotSet): the first failure
        // was final, and a PostgreSQL restart failed runs. Retried for half an hour instead.
        .setScheduleToCloseTimeout(BOOKKEEPING_RETRIES_FOR)
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
    return remote("shortCall", taskQueue, Duration.ofSeconds(30), null, 5);
  }

  /** A change on a device: bounded attempts, since each may open a config session. */
  public static ActivityOptions deviceChange(String taskQueue) {
    return remote("deviceChange", taskQueue, Duration.ofMinutes(2), null, 4);
  }

  /**
   * A change on a host over SSH that heartbeats between commands (and while queued for a session):
   * a worker that dies mid-call is noticed after the heartbeat timeout, not after the whole
   * start-to-close. 30 s leaves room for a loaded worker: a credential lookup waiting for a pooled
   * connection, an SSH handshake on busy cores.
   */
  public static ActivityOptions hostChange(String taskQueue) {
    return remote("hostChange", taskQueue, Duration.ofMinutes(2), Duration.ofSeconds(30), 4);
  }

  /**
   * Waiting for another workflow's reply (e.g. a leaf's configuration batch), heartbeating while it
   * waits; a retry sends the request again, which the other side treats idempotently.
   */
  public static ActivityOptions awaitReply(String taskQueue) {
    return remote("awaitReply", taskQueue, Duration.ofMinutes(10), Duration.ofSeconds(30), 4);
  }

  /** Long work that heartbeats; a silent worker is presumed dead after the heartbeat timeout. */
  public static ActivityOptions longRunning(String taskQueue) {
    return remote("longRunning", taskQueue, Duration.ofHours(6), Duration.ofSeconds(30), 10);
  }

  /** A profile of activities on {@code taskQueue}, with operators' tuning applied. */
  private static ActivityOptions remote(
      String profile, String taskQueue, Duration startToClose, Duration heartbeat, int attempts) {
    ActivityOptions.Builder b =
        ActivityOptions.newBuilder()
            .setTaskQueue(taskQueue)
            .setStartToCloseTimeout(startToClose)
            .setRetryOptions(retry(attempts));
    if (heartbeat != null) {
      b.setHeartbeatTimeout(heartbeat);
    }
    return tuned(profile, taskQueue, b.build());
  }

  private static ActivityOptions tuned(String profile, String taskQueue, ActivityOptions options) {
    ProfileTuning t = tuning.get(normalize(profile));
    if (t == null) {
      return options;
    }
    ActivityOptions.Builder b = ActivityOptions.newBuilder(options);
    apply(t, b, options);
    if (taskQueue.startsWith(SITE_QUEUE)) {
      ProfileTuning site = t.sites().get(taskQueue.substring(SITE_QUEUE.length()));
      if (site != null) {
        apply(site, b, options);
      }
    }
    return b.build();
  }

  private static void apply(ProfileTuning t, ActivityOptions.Builder b, ActivityOptions options) {
    if (t.startToClose() != null) {
      b.setStartToCloseTimeout(t.startToClose());
    }
    if (t.heartbeat() != null) {
      b.setHeartbeatTimeout(t.heartbeat());
    }
    if (t.maxAttempts() != null) {
      b.setRetryOptions(
          RetryOptions.newBuilder(options.getRetryOptions())
              .setMaximumAttempts(t.maxAttempts())
              .build());
    }
  }

  private static String normalize(String name) {
    return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
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
