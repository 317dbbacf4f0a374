package io.longhaul.contracts.window;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a step declaring some scopes may start now. For each declared scope with windows,
 * the step must be inside one of that scope's windows (windows of one scope add up); across scopes
 * every constraint holds at once (a site window and an operation window intersect). Freezes
 * covering any declared scope, or global ones, subtract. A step that needs {@code expected} time
 * starts only if what is left of the allowed span fits it.
 */
public final class WindowRules {
  /** Looked at first; a rule with rarer openings gets {@link #LONG_HORIZON}. */
  static final Duration SHORT_HORIZON = Duration.ofDays(35);

  static final Duration LONG_HORIZON = Duration.ofDays(400);

  private WindowRules() {}

  public static Verdict evaluate(
      List<WindowSpec> windows,
      List<FreezeSpec> freezes,
      List<Scope> scopes,
      Instant now,
      Duration expected) {
    Verdict v = evaluate(windows, freezes, scopes, now, expected, SHORT_HORIZON);
    if (!v.open() && v.opensAt() == null) {
      v = evaluate(windows, freezes, scopes, now, expected, LONG_HORIZON);
    }
    return v;
  }

  static Verdict evaluate(
      List<WindowSpec> windows,
      List<FreezeSpec> freezes,
      List<Scope> scopes,
      Instant now,
      Duration expected,
      Duration horizon) {
    Instant end = now.plus(horizon);
    List<Interval> allowed = List.of(new Interval(now, end));
    String closedWindow = null;
    for (Scope scope : scopes) {
      List<WindowSpec> mine = windows.stream().filter(w -> w.covers(scope)).toList();
      if (mine.isEmpty()) {
        continue;
      }
      List<Interval> union = new ArrayList<>();
      for (WindowSpec w : mine) {
        union.addAll(WindowCalendar.of(w).between(now, end));
      }
      union.sort(Comparator.comparing(Interval::start));
      union = WindowCalendar.merge(union);
      if (closedWindow == null && union.stream().noneMatch(i -> i.contains(now))) {
        closedWindow = "window " + String.join(",", mine.stream().map(WindowSpec::name).toList());
      }
      allowed = intersect(allowed, union);
    }
    String frozenBy = null;
    for (FreezeSpec f : freezes) {
      if (!f.covers(scopes)) {
        continue;
      }
      Instant from = Instant.ofEpochMilli(f.startsAtMillis());
      Instant to = f.endsAtMillis() == null ? end : Instant.ofEpochMilli(f.endsAtMillis());
      if (!to.isAfter(from)) {
        continue;
      }
      if (frozenBy == null && !now.isBefore(from) && now.isBefore(to)) {
        frozenBy = "freeze " + f.name();
      }
      allowed = subtract(allowed, new Interval(from, to));
    }
    Optional<Interval> fitting =
        allowed.stream()
            .filter(
                i -> i.end().equals(end) || !i.end().isBefore(max(now, i.start()).plus(expected)))
            .findFirst();
    if (fitting.isPresent() && fitting.get().contains(now)) {
      Interval i = fitting.get();
      return Verdict.openUntil(i.end().equals(end) ? null : i.end());
    }
    String what = frozenBy != null ? frozenBy : closedWindow;
    Instant opensAt = fitting.map(Interval::start).orElse(null);
    String reason;
    if (frozenBy != null) {
      reason = "frozen";
    } else if (closedWindow != null) {
      reason = "outside its window";
    } else {
      reason = "not enough of the window left for " + expected;
      what = "window " + String.join(",", names(windows, scopes));
    }
    return Verdict.closed(what, opensAt, reason);
  }

  private static List<String> names(List<WindowSpec> windows, List<Scope> scopes) {
    return windows.stream()
        .filter(w -> scopes.stream().anyMatch(w::covers))
        .map(WindowSpec::name)
        .toList();
  }

  static List<Interval> intersect(List<Interval> a, List<Interval> b) {
    List<Interval> out = new ArrayList<>();
    for (Interval x : a) {
      for (Interval y : b) {
        Instant s = max(x.start(), y.start());
        Instant e = x.end().isBefore(y.end()) ? x.end() : y.end();
        if (s.isBefore(e)) {
          out.add(new Interval(s, e));
        }
      }
    }
    out.sort(Comparator.comparing(Interval::start));
    return WindowCalendar.merge(out);
  }

  static List<Interval> subtract(List<Interval> a, Interval cut) {
    List<Interval> out = new ArrayList<>();
    for (Interval x : a) {
      if (!cut.start().isBefore(x.end()) || !cut.end().isAfter(x.start())) {
        out.add(x);
        continue;
      }
      if (x.start().isBefore(cut.start())) {
        out.add(new Interval(x.start(), cut.start()));
      }
      if (cut.end().isBefore(x.end())) {
        out.add(new Interval(cut.end(), x.end()));
      }
    }
    return out;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
