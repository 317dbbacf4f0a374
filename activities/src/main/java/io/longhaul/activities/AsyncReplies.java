package io.longhaul.activities;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCanceledException;
import io.temporal.client.ActivityCompletionClient;
import io.temporal.client.ActivityCompletionException;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Completes an activity later, from a future, instead of blocking its slot while it waits. An
 * activity that waits for another workflow's answer would otherwise hold one of the worker's
 * activity slots (and a thread) for the whole wait; with enough waiters no slot is left for the
 * work they wait on. While a reply is outstanding it is heartbeated, so a worker that dies with
 * replies in memory has them retried after the heartbeat timeout.
 */
@Component
public class AsyncReplies implements DisposableBean {
  /** Below the activities' heartbeat timeout, with room for a slow heartbeat call. */
  static final Duration HEARTBEAT = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(AsyncReplies.class);

  private final ActivityCompletionClient completions;
  private final Map<TokenKey, Boolean> outstanding = new ConcurrentHashMap<>();
  private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("async-replies").factory());

  public AsyncReplies(WorkflowClient temporal) {
    this.completions = temporal.newActivityCompletionClient();
    ticker.scheduleWithFixedDelay(
        this::heartbeatAll, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Called from an activity: it returns at once and completes with the future's value, or with
   * {@code failure} applied to its exception. The activity must return whatever this returns.
   */
  public <R> R completeLater(CompletableFuture<R> reply, Function<Throwable, Exception> failure) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    TokenKey token = new TokenKey(context.getTaskToken());
    context.doNotCompleteOnReturn();
    outstanding.put(token, Boolean.TRUE);
    reply.whenCompleteAsync(
        (value, error) -> {
          if (outstanding.remove(token) == null) {
            return; // cancelled or timed out meanwhile: nobody is waiting for it
          }
          try {
            if (error == null) {
              completions.complete(token.bytes(), value);
            } else {
              completions.completeExceptionally(token.bytes(), failure.apply(unwrap(error)));
            }
          } catch (ActivityCompletionException e) {
            log.debug("reply for a closed activity dropped: {}", e.getMessage());
          }
        },
        calls);
    return null;
  }

  /** How many replies are outstanding, for tests and metrics. */
  public int outstanding() {
    return outstanding.size();
  }

  private void heartbeatAll() {
    for (TokenKey token : outstanding.keySet()) {
      calls.execute(
          () -> {
            try {
              completions.heartbeat(token.bytes(), null);
            } catch (ActivityCanceledException e) {
              if (outstanding.remove(token) != null) {
                completions.reportCancellation(token.bytes(), null);
              }
            } catch (ActivityCompletionException e) {
              // Timed out or gone: its retry (if any) waits for its own reply.
              outstanding.remove(token);
            } catch (RuntimeException e) {
              log.debug("heartbeat failed, next tick tries again: {}", e.getMessage());
            }
          });
    }
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof java.util.concurrent.CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }

  @Override
  public void destroy() {
    ticker.shutdownNow();
    calls.shutdown();
  }

  /** A task token as a map key (arrays compare by identity). */
  private record TokenKey(byte[] bytes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof TokenKey other && java.util.Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "token#" + hashCode();
    }
  }
}
