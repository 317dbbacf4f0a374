package io.longhaul.server.echo;

import io.temporal.failure.ApplicationFailure;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny lab: echoes, applies "commands" to targets and undoes them, counting what each target
 * received. Tests break a target (its commands fail with a typed non-retryable failure) or its
 * undo, and mend it again.
 */
public class EchoActivitiesImpl implements EchoActivities {
  public final AtomicInteger calls = new AtomicInteger();
  public final Map<String, AtomicInteger> applied = new ConcurrentHashMap<>();
  public final Map<String, AtomicInteger> undone = new ConcurrentHashMap<>();
  public final Set<String> broken = ConcurrentHashMap.newKeySet();
  public final Set<String> brokenUndo = ConcurrentHashMap.newKeySet();

  @Override
  public String echo(String message) {
    calls.incrementAndGet();
    if (message.startsWith("fail:")) {
      throw ApplicationFailure.newNonRetryableFailure(message.substring(5), "VerificationFailed");
    }
    return message;
  }

  @Override
  public String apply(EchoCommand c) {
    calls.incrementAndGet();
    if (broken.contains(c.target()) || c.message().startsWith("fail:")) {
      throw ApplicationFailure.newNonRetryableFailure(
          c.target() + " did not take " + c.message(), "VerificationFailed");
    }
    applied.computeIfAbsent(c.target(), t -> new AtomicInteger()).incrementAndGet();
    return c.target() + ":" + c.message();
  }

  @Override
  public void undo(String target) {
    if (brokenUndo.contains(target)) {
      throw ApplicationFailure.newNonRetryableFailure(
          target + " refused the rollback", "CommandRejected");
    }
    undone.computeIfAbsent(target, t -> new AtomicInteger()).incrementAndGet();
  }

  public int appliedTo(String target) {
    AtomicInteger n = applied.get(target);
    return n == null ? 0 : n.get();
  }

  public int undoneOn(String target) {
    AtomicInteger n = undone.get(target);
    return n == null ? 0 : n.get();
  }
}
