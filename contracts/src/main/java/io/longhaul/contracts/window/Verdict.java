package io.longhaul.contracts.window;

import java.time.Instant;

/**
 * The gate's answer for a step now. Open: the step may start, and the window closes at {@code
 * closesAt} (null: no close within the horizon). Closed: {@code waitingFor} says what holds it
 * ("window nightly", "freeze change-freeze") and {@code opensAt} when it can start (null: not
 * within the horizon, e.g. a freeze until lifted).
 */
public record Verdict(
    boolean open, Instant closesAt, String waitingFor, Instant opensAt, String reason) {

  public static Verdict openUntil(Instant closesAt) {
    return new Verdict(true, closesAt, null, null, null);
  }

  public static Verdict closed(String waitingFor, Instant opensAt, String reason) {
    return new Verdict(false, null, waitingFor, opensAt, reason);
  }
}
