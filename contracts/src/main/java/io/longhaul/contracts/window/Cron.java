package io.longhaul.contracts.window;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * A classic 5-field cron expression (minute hour day-of-month month day-of-week) with lists,
 * ranges, steps and three-letter names. As in Vixie cron, when both day fields are restricted a day
 * matching either one matches. Times are local to the calendar's zone.
 */
public record Cron(
    String expression,
    BitSet minutes,
    BitSet hours,
    BitSet daysOfMonth,
    BitSet months,
    BitSet daysOfWeek,
    boolean domStar,
    boolean dowStar,
    LocalDateTime anchor)
    implements Recurrence {

  private static final String[] MONTHS = {
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"
  };
  private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

  static Cron parse(String expression, LocalDateTime anchor) {
    String[] f = expression.trim().split("\\s+");
    if (f.length != 5) {
      throw bad("needs 5 fields (minute hour day-of-month month day-of-week), has " + f.length);
    }
    BitSet dow = field("day-of-week", f[4], 0, 7, DAYS, 0);
    if (dow.get(7)) {
      dow.set(0); // 7 is Sunday too
      dow.clear(7);
    }
    return new Cron(
        expression.trim(),
        field("minute", f[0], 0, 59, null, 0),
        field("hour", f[1], 0, 23, null, 0),
        field("day-of-month", f[2], 1, 31, null, 0),
        field("month", f[3], 1, 12, MONTHS, 1),
        dow,
        f[2].equals("*"),
        f[4].equals("*"),
        anchor == null ? LocalDateTime.of(1970, 1, 1, 0, 0) : anchor.withNano(0));
  }

  @Override
  public List<LocalTime> startsOn(LocalDate day) {
    if (day.isBefore(anchor.toLocalDate()) || !months.get(day.getMonthValue())) {
      return List.of();
    }
    boolean dom = daysOfMonth.get(day.getDayOfMonth());
    boolean dow = daysOfWeek.get(day.getDayOfWeek().getValue() % 7);
    boolean matches = domStar || dowStar ? dom && dow : dom || dow;
    if (!matches) {
      return List.of();
    }
    List<LocalTime> out = new ArrayList<>();
    for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
      for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
        out.add(LocalTime.of(h, m));
      }
    }
    return out;
  }

  private static BitSet field(
      String name, String text, int min, int max, String[] names, int base) {
    BitSet bits = new BitSet(max + 1);
    for (String item : text.split(",")) {
      String range = item;
      int step = 1;
      int slash = item.indexOf('/');
      if (slash >= 0) {
        range = item.substring(0, slash);
        step = value(name, item.substring(slash + 1), 1, max, null, 0);
      }
      int lo;
      int hi;
      if (range.equals("*")) {
        lo = min;
        hi = max;
      } else if (range.contains("-")) {
        String[] ends = range.split("-", 2);
        lo = value(name, ends[0], min, max, names, base);
        hi = value(name, ends[1], min, max, names, base);
        if (hi < lo) {
          throw bad(name + " range " + range + " runs backwards");
        }
      } else {
        lo = value(name, range, min, max, names, base);
        hi = slash >= 0 ? max : lo;
      }
      for (int v = lo; v <= hi; v += step) {
        bits.set(v);
      }
    }
    return bits;
  }

  private static int value(String name, String text, int min, int max, String[] names, int base) {
    if (names != null) {
      String upper = text.toUpperCase(Locale.ROOT);
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(upper)) {
          return i + base;
        }
      }
    }
    try {
      int v = Integer.parseInt(text);
      if (v < min || v > max) {
        throw bad(name + " must be between " + min + " and " + max + ", not " + v);
      }
      return v;
    } catch (NumberFormatException e) {
      throw bad(name + " value '" + text + "' is not a number");
    }
  }

  private static InvalidCalendarException bad(String message) {
    return new InvalidCalendarException("cron", message);
  }
}
