package io.longhaul.contracts.window;

import java.util.List;

/**
 * A maintenance window as stored and as passed to workflows: a recurrence (RRULE or cron) of local
 * start times in {@code zone}, each open for {@code durationMinutes} of wall-clock time, except on
 * the local {@code exceptionDates} (ISO dates). {@code anchor} (ISO local date-time) is the RRULE's
 * DTSTART: where INTERVAL and COUNT count from, and the default start time.
 */
public record WindowSpec(
    long id,
    String name,
    List<Scope> scopes,
    String rrule,
    String cron,
    long durationMinutes,
    String zone,
    String anchor,
    List<String> exceptionDates) {

  public WindowSpec {
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
    exceptionDates = exceptionDates == null ? List.of() : List.copyOf(exceptionDates);
  }

  /** Whether this window applies to a step declaring {@code scope}. */
  public boolean covers(Scope scope) {
    return scopes.stream().anyMatch(s -> s.covers(scope));
  }
}
