package io.longhaul.api.window;

import java.time.Instant;
import java.util.List;

/**
 * What is open for a scope: now (and until when, or what holds it and when it opens), and every
 * opening of its windows and every freeze in the coming days.
 */
public record OpenView(
    String scope,
    Instant at,
    boolean openNow,
    Instant closesAt,
    String waitingFor,
    Instant opensAt,
    List<Opening> openings,
    List<FreezeSpan> freezes) {

  public record Opening(String window, Instant start, Instant end) {}

  public record FreezeSpan(String freeze, Instant start, Instant end, String reason) {}
}
