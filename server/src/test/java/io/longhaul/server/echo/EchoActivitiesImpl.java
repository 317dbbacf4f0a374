package io.longhaul.server.echo;

import io.temporal.failure.ApplicationFailure;
import java.util.concurrent.atomic.AtomicInteger;

/** Echoes, or fails with a typed non-retryable failure when the message asks it to. */
public class EchoActivitiesImpl implements EchoActivities {
  public final AtomicInteger calls = new AtomicInteger();

  @Override
  public String echo(String message) {
    calls.incrementAndGet();
    if (message.startsWith("fail:")) {
      throw ApplicationFailure.newNonRetryableFailure(message.substring(5), "VerificationFailed");
    }
    return message;
  }
}
