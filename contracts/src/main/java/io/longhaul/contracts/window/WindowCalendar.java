package io.longhaul.contracts.window;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A window's openings as instants. Each occurrence opens at a local start time and closes {@code
 * duration} of wall-clock time later, both resolved in the zone as RFC 5545 does: a local time in a
 * spring-forward gap moves forward by the gap, an ambiguous one takes the earlier offset. So a
 * 02:00–04:00 window is an hour shorter on a spring-forward night and an hour longer on a fall-back
 * one. Overlapping occurrences merge. Pure: no clock, no I/O, so workflows can evaluate it.
 */
public final class WindowCalendar {
  /** How far back a rule with COUNT is replayed from its anchor, at most. */
  private static final int MAX_DAYS = 366 * 30;

  private final Recurrence recurrence;
  private final Duration duration;
  private final ZoneId zone;
  private final Set<LocalDate> exceptions;

  public WindowCalendar(
      Recurrence recurrence, Duration duration, ZoneId zone, Set<LocalDate> exceptions) {
    this.recurrence = recurrence;
    this.duration = duration;
    this.zone = zone;
    this.exceptions = Set.copyOf(exceptions);
  }

  /** Validates and builds; failures name the field at fault. */
  public static WindowCalendar of(WindowSpec w) {
    return of(w.rrule(), w.cron(), w.durationMinutes(), w.zone(), w.anchor(), w.exceptionDates());
  }

  public static WindowCalendar of(
      String rrule,
      String cron,
      long durationMinutes,
      String zoneId,
      String anchor,
      List<String> exceptionDates) {
    ZoneId zone = zone(zoneId);
    if (durationMinutes < 1 || durationMinutes > 60L * 24 * 31) {
      throw new InvalidCalendarException(
          "durationMinutes", "must be between 1 minute and 31 days, not " + durationMinutes);
    }
    LocalDateTime start = null;
    if (anchor != null && !anchor.isBlank()) {
      try {
        start = LocalDateTime.parse(anchor);
      } catch (DateTimeParseException e) {
        throw new InvalidCalendarException(
            "anchor", "must be a local date-time such as 2026-11-22T10:00, not " + anchor);
      }
    } else if (rrule != null && !rrule.isBlank()) {
      throw new InvalidCalendarException("anchor", "an RRULE needs its start (DTSTART)");
    }
    Set<LocalDate> exceptions = new HashSet<>();
    for (String d : exceptionDates == null ? List.<String>of() : exceptionDates) {
      try {
        exceptions.add(LocalDate.parse(d));
      } catch (DateTimeParseException | NullPointerException e) {
        throw new InvalidCalendarException(
            "exceptionDates", "must be ISO dates such as 2026-12-24, not " + d);
      }
    }
    return new WindowCalendar(
        Recurrence.parse(rrule, cron, start, zone),
        Duration.ofMinutes(durationMinutes),
        zone,
        exceptions);
  }

  public static ZoneId zone(String zoneId) {
    if (zoneId == null || zoneId.isBlank()) {
      throw new InvalidCalendarException("zone", "is required, e.g. Europe/Berlin or UTC");
    }
    try {
      return ZoneId.of(zoneId);
    } catch (DateTimeException e) {
      throw new InvalidCalendarException("zone", "unknown time zone " + zoneId);
    }
  }

  public ZoneId zone() {
    return zone;
  }

  /** Openings that overlap [from, to), in order, overlapping ones merged. */
  public List<Interval> between(Instant from, Instant to) {
    return merge(occurrences(from, to));
  }

  /** The instants occurrences start at in [from, to), unmerged: what a schedule fires on. */
  public List<Instant> starts(Instant from, Instant to) {
    return occurrences(from, to).stream()
        .map(Interval::start)
        .filter(t -> !t.isBefore(from) && t.isBefore(to))
        .toList();
  }

  private List<Interval> occurrences(Instant from, Instant to) {
    LocalDate first = from.atZone(zone).toLocalDate().minusDays(duration.toDays() + 2);
    LocalDate last = to.atZone(zone).toLocalDate().plusDays(1);
    LocalDate anchorDay = recurrence.anchor().toLocalDate();
    // COUNT numbers occurrences from the anchor, so those before `from` must be counted too.
    LocalDate day = recurrence.count() != null ? anchorDay : first;
    if (day.isBefore(anchorDay)) {
      day = anchorDay;
    }
    if (day.plusDays(MAX_DAYS).isBefore(first)) {
      day = first;
    }
    int counted = 0;
    List<Interval> out = new ArrayList<>();
    for (; !day.isAfter(last); day = day.plusDays(1)) {
      for (LocalTime time : recurrence.startsOn(day)) {
        LocalDateTime local = day.atTime(time);
        if (local.isBefore(recurrence.anchor())) {
          continue;
        }
        if (recurrence.until() != null && local.isAfter(recurrence.until())) {
          return out;
        }
        if (recurrence.count() != null && ++counted > recurrence.count()) {
          return out;
        }
        if (day.isBefore(first) || exceptions.contains(day)) {
          continue;
        }
        Instant start = resolve(local);
        Instant end = resolve(local.plus(duration));
        if (end.isAfter(from) && start.isBefore(to) && end.isAfter(start)) {
          out.add(new Interval(start, end));
        }
      }
    }
    return out;
  }

  /**
   * The opening containing {@code t}, if any, merged with back-to-back ones up to a day ahead (a
   * longer chain is cut there; {@link #between} over a longer span sees all of it).
   */
  public Optional<Interval> openAt(Instant t) {
    return between(t, t.plus(Duration.ofDays(1))).stream().filter(i -> i.contains(t)).findFirst();
  }

  /** The first opening starting at or after {@code t}, looking up to {@code horizon} ahead. */
  public Optional<Interval> nextOpening(Instant t, Duration horizon) {
    return between(t, t.plus(horizon)).stream().filter(i -> !i.start().isBefore(t)).findFirst();
  }

  private Instant resolve(LocalDateTime local) {
    return ZonedDateTime.ofLocal(local, zone, null).toInstant();
  }

  static List<Interval> merge(List<Interval> sorted) {
    List<Interval> out = new ArrayList<>();
    for (Interval i : sorted) {
      if (!out.isEmpty() && !i.start().isAfter(out.getLast().end())) {
        Interval last = out.removeLast();
        out.add(new Interval(last.start(), i.end().isAfter(last.end()) ? i.end() : last.end()));
      } else {
        out.add(i);
      }
    }
    return out;
  }
}
