package io.longhaul.contracts.window;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The RFC 5545 RRULE subset Longhaul needs: FREQ=DAILY|WEEKLY|MONTHLY, INTERVAL, BYDAY (ordinals
 * such as 1MO or -1FR with MONTHLY only), BYMONTHDAY (negative counts from the month's end),
 * BYHOUR, BYMINUTE, COUNT, UNTIL, and WKST=MO. Anything else is refused, never silently ignored.
 */
public record RRule(
    String freq,
    int interval,
    List<WeekdayRule> byDay,
    List<Integer> byMonthDay,
    List<Integer> byHour,
    List<Integer> byMinute,
    Integer count,
    LocalDateTime until,
    LocalDateTime anchor)
    implements Recurrence {

  /** A BYDAY entry: a weekday, with an ordinal within the month (0 = every such weekday). */
  public record WeekdayRule(int ordinal, DayOfWeek day) {}

  private static final Map<String, DayOfWeek> DAYS =
      Map.of(
          "MO", DayOfWeek.MONDAY,
          "TU", DayOfWeek.TUESDAY,
          "WE", DayOfWeek.WEDNESDAY,
          "TH", DayOfWeek.THURSDAY,
          "FR", DayOfWeek.FRIDAY,
          "SA", DayOfWeek.SATURDAY,
          "SU", DayOfWeek.SUNDAY);

  static RRule parse(String text, LocalDateTime anchor, ZoneId zone) {
    String body = text.trim();
    if (body.regionMatches(true, 0, "RRULE:", 0, 6)) {
      body = body.substring(6);
    }
    String freq = null;
    int interval = 1;
    List<WeekdayRule> byDay = List.of();
    List<Integer> byMonthDay = List.of();
    List<Integer> byHour = List.of();
    List<Integer> byMinute = List.of();
    Integer count = null;
    LocalDateTime until = null;
    for (String part : body.split(";")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw bad("'" + part + "' is not NAME=VALUE");
      }
      String name = part.substring(0, eq).trim().toUpperCase(Locale.ROOT);
      String value = part.substring(eq + 1).trim().toUpperCase(Locale.ROOT);
      switch (name) {
        case "FREQ" -> {
          if (!List.of("DAILY", "WEEKLY", "MONTHLY").contains(value)) {
            throw bad("FREQ must be DAILY, WEEKLY or MONTHLY, not " + value);
          }
          freq = value;
        }
        case "INTERVAL" -> interval = number(name, value, 1, 1000);
        case "BYDAY" -> byDay = weekdays(value);
        case "BYMONTHDAY" -> byMonthDay = numbers(name, value, -31, 31, true);
        case "BYHOUR" -> byHour = numbers(name, value, 0, 23, false);
        case "BYMINUTE" -> byMinute = numbers(name, value, 0, 59, false);
        case "COUNT" -> count = number(name, value, 1, 100_000);
        case "UNTIL" -> until = until(value, zone);
        case "WKST" -> {
          if (!"MO".equals(value)) {
            throw bad("only WKST=MO is supported");
          }
        }
        default -> throw bad("unsupported part " + name);
      }
    }
    if (freq == null) {
      throw bad("FREQ is required");
    }
    if (count != null && until != null) {
      throw bad("COUNT and UNTIL must not both be given");
    }
    if (!"MONTHLY".equals(freq) && byDay.stream().anyMatch(d -> d.ordinal() != 0)) {
      throw bad("BYDAY ordinals such as 1MO need FREQ=MONTHLY");
    }
    if ("WEEKLY".equals(freq) && !byMonthDay.isEmpty()) {
      throw bad("BYMONTHDAY is not allowed with FREQ=WEEKLY");
    }
    return new RRule(
        freq, interval, byDay, byMonthDay, byHour, byMinute, count, until, anchor.withNano(0));
  }

  @Override
  public List<LocalTime> startsOn(LocalDate day) {
    if (day.isBefore(anchor.toLocalDate()) || !dayMatches(day)) {
      return List.of();
    }
    List<Integer> hours = byHour.isEmpty() ? List.of(anchor.getHour()) : byHour;
    List<Integer> minutes = byMinute.isEmpty() ? List.of(anchor.getMinute()) : byMinute;
    TreeSet<LocalTime> times = new TreeSet<>();
    for (int h : hours) {
      for (int m : minutes) {
        times.add(LocalTime.of(h, m));
      }
    }
    return new ArrayList<>(times);
  }

  private boolean dayMatches(LocalDate day) {
    LocalDate start = anchor.toLocalDate();
    return switch (freq) {
      case "DAILY" ->
          ChronoUnit.DAYS.between(start, day) % interval == 0
              && (byDay.isEmpty() || byDay.stream().anyMatch(d -> d.day() == day.getDayOfWeek()))
              && (byMonthDay.isEmpty() || monthDayMatches(day));
      case "WEEKLY" -> {
        LocalDate week0 = start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate week = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        yield ChronoUnit.WEEKS.between(week0, week) % interval == 0
            && (byDay.isEmpty()
                ? day.getDayOfWeek() == start.getDayOfWeek()
                : byDay.stream().anyMatch(d -> d.day() == day.getDayOfWeek()));
      }
      default -> {
        long months = ChronoUnit.MONTHS.between(YearMonth.from(start), YearMonth.from(day));
        if (months % interval != 0) {
          yield false;
        }
        if (byDay.isEmpty() && byMonthDay.isEmpty()) {
          yield day.getDayOfMonth() == start.getDayOfMonth();
        }
        yield (byMonthDay.isEmpty() || monthDayMatches(day))
            && (byDay.isEmpty() || byDay.stream().anyMatch(d -> weekdayInMonth(d, day)));
      }
    };
  }

  private boolean monthDayMatches(LocalDate day) {
    int length = day.lengthOfMonth();
    for (int n : byMonthDay) {
      int dom = n > 0 ? n : length + n + 1;
      if (dom == day.getDayOfMonth()) {
        return true;
      }
    }
    return false;
  }

  private static boolean weekdayInMonth(WeekdayRule rule, LocalDate day) {
    if (rule.day() != day.getDayOfWeek()) {
      return false;
    }
    if (rule.ordinal() == 0) {
      return true;
    }
    int fromStart = (day.getDayOfMonth() - 1) / 7 + 1;
    int fromEnd = -((day.lengthOfMonth() - day.getDayOfMonth()) / 7 + 1);
    return rule.ordinal() == fromStart || rule.ordinal() == fromEnd;
  }

  private static List<WeekdayRule> weekdays(String value) {
    List<WeekdayRule> out = new ArrayList<>();
    for (String item : value.split(",")) {
      String s = item.trim();
      if (s.length() < 2 || !DAYS.containsKey(s.substring(s.length() - 2))) {
        throw bad("BYDAY entry '" + item + "' is not a weekday such as MO or 1MO");
      }
      String ord = s.substring(0, s.length() - 2);
      int ordinal = 0;
      if (!ord.isEmpty()) {
        ordinal = number("BYDAY", ord.startsWith("+") ? ord.substring(1) : ord, -5, 5);
        if (ordinal == 0) {
          throw bad("BYDAY ordinal must not be 0");
        }
      }
      out.add(new WeekdayRule(ordinal, DAYS.get(s.substring(s.length() - 2))));
    }
    return List.copyOf(out);
  }

  private static List<Integer> numbers(
      String name, String value, int min, int max, boolean nonZero) {
    List<Integer> out = new ArrayList<>();
    for (String item : value.split(",")) {
      int n = number(name, item.trim(), min, max);
      if (nonZero && n == 0) {
        throw bad(name + " must not contain 0");
      }
      out.add(n);
    }
    return List.copyOf(out);
  }

  private static int number(String name, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value);
      if (n < min || n > max) {
        throw bad(name + " must be between " + min + " and " + max + ", not " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw bad(name + " must be a number, not " + value);
    }
  }

  private static LocalDateTime until(String value, ZoneId zone) {
    try {
      if (value.length() == 8) {
        return LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE).atTime(LocalTime.MAX);
      }
      DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
      if (value.endsWith("Z")) {
        return LocalDateTime.parse(value.substring(0, value.length() - 1), f)
            .atOffset(ZoneOffset.UTC)
            .atZoneSameInstant(zone)
            .toLocalDateTime();
      }
      return LocalDateTime.parse(value, f);
    } catch (DateTimeParseException e) {
      throw bad("UNTIL must look like 20261231, 20261231T235959 or 20261231T235959Z, not " + value);
    }
  }

  private static InvalidCalendarException bad(String message) {
    return new InvalidCalendarException("rrule", message);
  }
}
