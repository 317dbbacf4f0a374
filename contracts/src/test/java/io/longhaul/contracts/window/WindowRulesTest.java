package io.longhaul.contracts.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The window rules")
class WindowRulesTest {
  static final Scope SHA = Scope.site("sha");
  static final Scope HDFS = Scope.operation("hdfs-migration");
  static final Instant NOON = Instant.parse("2026-11-22T12:00:00Z");

  static WindowSpec window(String name, Scope scope, String cron, long minutes) {
    return new WindowSpec(1, name, List.of(scope), null, cron, minutes, "UTC", null, List.of());
  }

  static FreezeSpec freeze(String name, List<Scope> scopes, Instant from, Instant to) {
    return new FreezeSpec(
        1, name, scopes, from.toEpochMilli(), to == null ? null : to.toEpochMilli(), "test");
  }

  @Nested
  @DisplayName("with no window for the step's scopes")
  class NoWindows {
    @Test
    @DisplayName("let it start with no closing time")
    void open() {
      var v =
          WindowRules.evaluate(
              List.of(window("elsewhere", Scope.site("fra"), "0 1 * * *", 60)),
              List.of(),
              List.of(SHA),
              NOON,
              Duration.ofHours(1));
      assertThat(v.open()).isTrue();
      assertThat(v.closesAt()).isNull();
    }
  }

  @Nested
  @DisplayName("with windows")
  class WithWindows {
    @Test
    @DisplayName("open inside the window until its end")
    void inside() {
      var v =
          WindowRules.evaluate(
              List.of(window("day", SHA, "0 10 * * *", 13 * 60)),
              List.of(),
              List.of(SHA),
              NOON,
              Duration.ofMinutes(30));
      assertThat(v).isEqualTo(Verdict.openUntil(Instant.parse("2026-11-22T23:00:00Z")));
    }

    @Test
    @DisplayName("closed outside, naming the window and its next opening")
    void outside() {
      var v =
          WindowRules.evaluate(
              List.of(window("night", SHA, "0 22 * * *", 60)),
              List.of(),
              List.of(SHA),
              NOON,
              Duration.ofMinutes(30));
      assertThat(v.open()).isFalse();
      assertThat(v.waitingFor()).isEqualTo("window night");
      assertThat(v.opensAt()).isEqualTo(Instant.parse("2026-11-22T22:00:00Z"));
    }

    @Test
    @DisplayName("wait for the next opening when the step does not fit in what is left")
    void doesNotFit() {
      var v =
          WindowRules.evaluate(
              List.of(window("day", SHA, "0 10 * * *", 3 * 60)),
              List.of(),
              List.of(SHA),
              NOON,
              Duration.ofHours(2));
      assertThat(v.open()).isFalse();
      assertThat(v.opensAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
    }

    @Test
    @DisplayName("add windows of one scope up, and intersect those of different scopes")
    void unionAndIntersection() {
      var windows =
          List.of(
              window("morning", SHA, "0 8 * * *", 3 * 60),
              window("afternoon", SHA, "0 11 * * *", 3 * 60),
              window("hdfs", HDFS, "0 13 * * *", 5 * 60));
      var v =
          WindowRules.evaluate(
              windows, List.of(), List.of(SHA, HDFS), NOON, Duration.ofMinutes(30));
      assertThat(v.open()).isFalse();
      assertThat(v.opensAt()).isEqualTo(Instant.parse("2026-11-22T13:00:00Z"));
      var later =
          WindowRules.evaluate(
              windows,
              List.of(),
              List.of(SHA, HDFS),
              Instant.parse("2026-11-22T13:30:00Z"),
              Duration.ofMinutes(30));
      assertThat(later).isEqualTo(Verdict.openUntil(Instant.parse("2026-11-22T14:00:00Z")));
    }
  }

  @Nested
  @DisplayName("with freezes")
  class WithFreezes {
    @Test
    @DisplayName("a global freeze until lifted closes everything, with no known opening")
    void globalFreeze() {
      var v =
          WindowRules.evaluate(
              List.of(),
              List.of(freeze("now", List.of(), NOON.minusSeconds(60), null)),
              List.of(SHA),
              NOON,
              Duration.ofMinutes(1));
      assertThat(v.open()).isFalse();
      assertThat(v.waitingFor()).isEqualTo("freeze now");
      assertThat(v.opensAt()).isNull();
    }

    @Test
    @DisplayName("a scoped freeze ends at its end, and spares other scopes")
    void scopedFreeze() {
      var f = freeze("sha-freeze", List.of(SHA), NOON.minusSeconds(60), NOON.plusSeconds(3600));
      var v = WindowRules.evaluate(List.of(), List.of(f), List.of(SHA), NOON, Duration.ZERO);
      assertThat(v.opensAt()).isEqualTo(NOON.plusSeconds(3600));
      assertThat(
              WindowRules.evaluate(
                      List.of(), List.of(f), List.of(Scope.site("fra")), NOON, Duration.ZERO)
                  .open())
          .isTrue();
    }
  }
}
