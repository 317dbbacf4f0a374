package io.longhaul.contracts.schedule;

import io.longhaul.contracts.window.Interval;
import io.longhaul.contracts.window.WindowCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** When a schedule fires: pure, so the scheduler workflow and the API compute the same times. */
public final class FireTimes {
  /** How far ahead the next fire is looked for; a rarer schedule sleeps and looks again. */
  public static final Duration HORIZON = Duration.ofDays(400);

  private FireTimes() {}

  /** Fire times in (after, to], in order, at most {@code limit}. */
  public static List<Instant> between(ScheduleSpec s, Instant after, Instant to, int limit) {
    Instant from = after.plusMillis(1);
    Instant end = to.plusMillis(1);
    List<Instant> times;
    if (s.window() != null) {
      times =
          WindowCalendar.of(s.window()).between(from, end).stream()
              .map(Interval::start)
              .filter(t -> !t.isBefore(from))
              .toList();
    } else {
      times =
          WindowCalendar.of(s.rrule(), s.cron(), 1, s.zone(), s.anchor(), List.of())
              .starts(from, end);
    }
    return times.size() > limit ? times.subList(0, limit) : times;
  }

  /** The first fire time after {@code after} within the horizon, or null. */
  public static Instant next(ScheduleSpec s, Instant after) {
    List<Instant> next = between(s, after, after.plus(HORIZON), 1);
    return next.isEmpty() ? null : next.getFirst();
  }
}
