package io.longhaul.contracts.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A window calendar")
class WindowCalendarTest {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  static Instant at(String local, ZoneId zone) {
    return LocalDateTime.parse(local).atZone(zone).toInstant();
  }

  static List<String> starts(WindowCalendar c, String from, String to, ZoneId zone) {
    return c.between(at(from, zone), at(to, zone)).stream()
        .map(i -> i.start().atZone(zone).toLocalDateTime().toString())
        .toList();
  }

  static WindowCalendar rrule(String rule, long minutes, ZoneId zone, String anchor) {
    return WindowCalendar.of(rule, null, minutes, zone.getId(), anchor, List.of());
  }

  @Nested
  @DisplayName("from an RRULE")
  class FromRrule {
    @Test
    @DisplayName("opens daily 10:00–23:00 in its zone, as seed 002's low-traffic window")
    void daily() {
      var c = rrule("FREQ=DAILY;BYHOUR=10;BYMINUTE=0", 13 * 60, SHANGHAI, "2026-11-01T00:00");
      var open = c.openAt(at("2026-11-22T12:00", SHANGHAI)).orElseThrow();
      assertThat(open.start()).isEqualTo(at("2026-11-22T10:00", SHANGHAI));
      assertThat(open.end()).isEqualTo(at("2026-11-22T23:00", SHANGHAI));
      assertThat(c.openAt(at("2026-11-22T23:30", SHANGHAI))).isEmpty();
      assertThat(c.nextOpening(at("2026-11-22T23:30", SHANGHAI), Duration.ofDays(7)))
          .get()
          .extracting(Interval::start)
          .isEqualTo(at("2026-11-23T10:00", SHANGHAI));
    }

    @Test
    @DisplayName("honours INTERVAL counted from its anchor")
    void interval() {
      var c = rrule("RRULE:FREQ=DAILY;INTERVAL=3", 60, BERLIN, "2026-11-01T22:00");
      assertThat(starts(c, "2026-11-01T00:00", "2026-11-10T00:00", BERLIN))
          .containsExactly("2026-11-01T22:00", "2026-11-04T22:00", "2026-11-07T22:00");
    }

    @Test
    @DisplayName("opens on the listed weekdays of every other week")
    void weekly() {
      var c = rrule("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SA;BYHOUR=1", 120, BERLIN, "2026-11-02T00:00");
      assertThat(starts(c, "2026-11-02T00:00", "2026-11-23T00:00", BERLIN))
          .containsExactly(
              "2026-11-03T01:00", "2026-11-07T01:00", "2026-11-17T01:00", "2026-11-21T01:00");
    }

    @Test
    @DisplayName("opens on the last day and the first Sunday of each month")
    void monthly() {
      var last = rrule("FREQ=MONTHLY;BYMONTHDAY=-1", 60, BERLIN, "2026-01-31T20:00");
      assertThat(starts(last, "2026-01-01T00:00", "2026-04-30T23:00", BERLIN))
          .containsExactly(
              "2026-01-31T20:00", "2026-02-28T20:00", "2026-03-31T20:00", "2026-04-30T20:00");
      var firstSunday = rrule("FREQ=MONTHLY;BYDAY=1SU;BYHOUR=4", 60, BERLIN, "2026-01-01T00:00");
      assertThat(starts(firstSunday, "2026-01-01T00:00", "2026-03-31T00:00", BERLIN))
          .containsExactly("2026-01-04T04:00", "2026-02-01T04:00", "2026-03-01T04:00");
    }

    @Test
    @DisplayName("stops after COUNT occurrences and after UNTIL")
    void countAndUntil() {
      var counted = rrule("FREQ=DAILY;COUNT=3", 30, BERLIN, "2026-11-01T08:00");
      assertThat(starts(counted, "2026-11-02T00:00", "2026-11-30T00:00", BERLIN))
          .containsExactly("2026-11-02T08:00", "2026-11-03T08:00");
      var until = rrule("FREQ=DAILY;UNTIL=20261103T235959", 30, BERLIN, "2026-11-01T08:00");
      assertThat(starts(until, "2026-11-01T00:00", "2026-11-30T00:00", BERLIN)).hasSize(3);
    }

    @Test
    @DisplayName("skips its exception dates")
    void exceptions() {
      var c =
          WindowCalendar.of(
              "FREQ=DAILY", null, 60, "UTC", "2026-12-22T10:00", List.of("2026-12-24"));
      assertThat(starts(c, "2026-12-22T00:00", "2026-12-26T00:00", ZoneId.of("UTC")))
          .containsExactly("2026-12-22T10:00", "2026-12-23T10:00", "2026-12-25T10:00");
    }
  }

  @Nested
  @DisplayName("from a cron expression and a duration")
  class FromCron {
    @Test
    @DisplayName("opens at each matching minute on weekdays only")
    void weekdays() {
      var c = WindowCalendar.of(null, "30 22 * * MON-FRI", 90, "Europe/Berlin", null, List.of());
      assertThat(starts(c, "2026-11-20T00:00", "2026-11-24T00:00", BERLIN))
          .containsExactly("2026-11-20T22:30", "2026-11-23T22:30");
      var open = c.openAt(at("2026-11-20T23:59", BERLIN)).orElseThrow();
      assertThat(open.end()).isEqualTo(at("2026-11-21T00:00", BERLIN));
    }

    @Test
    @DisplayName("merges back-to-back openings into one")
    void merges() {
      var c = WindowCalendar.of(null, "0 */2 * * *", 120, "UTC", null, List.of());
      var open = c.openAt(Instant.parse("2026-11-22T05:00:00Z")).orElseThrow();
      assertThat(open.length()).isGreaterThanOrEqualTo(Duration.ofDays(1));
    }

    @Test
    @DisplayName("matches either day field when both are restricted, as Vixie cron does")
    void eitherDayField() {
      var c = WindowCalendar.of(null, "0 3 1 * SUN", 60, "UTC", null, List.of());
      assertThat(starts(c, "2026-11-01T00:00", "2026-11-10T00:00", ZoneId.of("UTC")))
          .containsExactly("2026-11-01T03:00", "2026-11-08T03:00");
    }
  }

  @Nested
  @DisplayName("across a DST change in its zone")
  class Dst {
    @Test
    @DisplayName("a 02:00–04:00 window is one hour long on the spring-forward night")
    void springForward() {
      var c = rrule("FREQ=DAILY;BYHOUR=2", 120, BERLIN, "2026-03-01T00:00");
      var nights = c.between(at("2026-03-28T12:00", BERLIN), at("2026-03-30T12:00", BERLIN));
      assertThat(nights)
          .extracting(Interval::length)
          .containsExactly(Duration.ofHours(1), Duration.ofHours(2));
      assertThat(nights.getFirst().start())
          .isEqualTo(ZonedDateTime.parse("2026-03-29T03:00+02:00[Europe/Berlin]").toInstant());
    }

    @Test
    @DisplayName("a 02:00–04:00 window is three hours long on the fall-back night")
    void fallBack() {
      var c = rrule("FREQ=DAILY;BYHOUR=2", 120, BERLIN, "2026-10-01T00:00");
      var nights = c.between(at("2026-10-24T12:00", BERLIN), at("2026-10-26T12:00", BERLIN));
      assertThat(nights)
          .extracting(Interval::length)
          .containsExactly(Duration.ofHours(3), Duration.ofHours(2));
    }

    @Test
    @DisplayName("a 10:00 window stays at 10:00 local, so its UTC time moves by an hour")
    void localTimeHolds() {
      var c = rrule("FREQ=DAILY;BYHOUR=10", 60, BERLIN, "2026-10-01T00:00");
      var days = c.between(at("2026-10-24T00:00", BERLIN), at("2026-10-26T00:00", BERLIN));
      assertThat(days)
          .extracting(i -> i.start().toString())
          .containsExactly("2026-10-24T08:00:00Z", "2026-10-25T09:00:00Z");
    }
  }

  @Nested
  @DisplayName("refuses, naming the field,")
  class Refuses {
    @Test
    @DisplayName("an unknown RRULE part, frequency or malformed value")
    void badRrule() {
      for (String rule :
          List.of(
              "FREQ=YEARLY",
              "FREQ=DAILY;BYSETPOS=1",
              "FREQ=DAILY;BYHOUR=24",
              "BYHOUR=3",
              "FREQ=WEEKLY;BYDAY=1MO",
              "FREQ=DAILY;COUNT=2;UNTIL=20270101")) {
        assertThatThrownBy(() -> rrule(rule, 60, BERLIN, "2026-01-01T00:00"))
            .as(rule)
            .isInstanceOfSatisfying(
                InvalidCalendarException.class, e -> assertThat(e.field()).isEqualTo("rrule"));
      }
    }

    @Test
    @DisplayName("a cron expression with the wrong field count or range")
    void badCron() {
      for (String cron : List.of("* * * *", "60 * * * *", "0 5-3 * * *", "0 0 * * FUNDAY")) {
        assertThatThrownBy(() -> WindowCalendar.of(null, cron, 60, "UTC", null, List.of()))
            .as(cron)
            .isInstanceOfSatisfying(
                InvalidCalendarException.class, e -> assertThat(e.field()).isEqualTo("cron"));
      }
    }

    @Test
    @DisplayName("an unknown zone, a zero duration, both or neither recurrence")
    void badOthers() {
      assertThatThrownBy(() -> WindowCalendar.of(null, "0 0 * * *", 60, "Mars/Olympus", null, null))
          .hasMessageStartingWith("zone:");
      assertThatThrownBy(() -> WindowCalendar.of(null, "0 0 * * *", 0, "UTC", null, null))
          .hasMessageStartingWith("durationMinutes:");
      assertThatThrownBy(
              () ->
                  WindowCalendar.of("FREQ=DAILY", "0 0 * * *", 60, "UTC", "2026-01-01T00:00", null))
          .hasMessageStartingWith("rrule:");
      assertThatThrownBy(() -> WindowCalendar.of(null, null, 60, "UTC", null, null))
          .hasMessageStartingWith("rrule:");
      assertThatThrownBy(
              () -> WindowCalendar.of(null, "0 0 * * *", 60, "UTC", null, List.of("24.12.2026")))
          .hasMessageStartingWith("exceptionDates:");
    }
  }
}
