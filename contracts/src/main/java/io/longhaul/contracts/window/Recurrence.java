package io.longhaul.contracts.window;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * When something recurs, in a zone's local wall-clock time: which local start times a given day
 * has. {@link WindowCalendar} turns those into instants, so DST is handled in one place.
 */
public sealed interface Recurrence permits RRule, Cron {

  /**
   * The matching local start times on {@code day}, ascending; empty when the day does not match.
   */
  List<LocalTime> startsOn(LocalDate day);

  /** The first local date-time the rule may produce; nothing recurs before it. */
  LocalDateTime anchor();

  /** At most this many occurrences counted from the anchor, or null. */
  default Integer count() {
    return null;
  }

  /** The last local date-time an occurrence may start at, or null. */
  default LocalDateTime until() {
    return null;
  }

  /**
   * Parses an RFC 5545 RRULE (subset; {@code FREQ=...} with or without the {@code RRULE:} prefix)
   * anchored at {@code anchor}, or a 5-field cron expression. Exactly one of them is given.
   */
  static Recurrence parse(String rrule, String cron, LocalDateTime anchor, java.time.ZoneId zone) {
    if ((rrule == null || rrule.isBlank()) == (cron == null || cron.isBlank())) {
      throw new InvalidCalendarException("rrule", "give exactly one of rrule and cron");
    }
    return rrule != null && !rrule.isBlank()
        ? RRule.parse(rrule, anchor, zone)
        : Cron.parse(cron, anchor);
  }
}
