package io.longhaul.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.bench.core.Check;
import io.longhaul.bench.core.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The round machinery on figures it is told, so every assertion is exact. */
class HarnessTest {

  private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

  @Test
  void ratiosAreTakenWithinEachRoundAndOrderAlternates() {
    List<String> calls = new ArrayList<>();
    double[] baseline = {100, 300, 200, 500, 400};
    double[] longhaul = {10, 10, 10, 100, 20};
    var s =
        new Scenario("fixed")
            .variant(
                "longhaul",
                "ours",
                r -> {
                  calls.add("longhaul");
                  return new java.util.LinkedHashMap<>(Map.of("wall_ms", longhaul[r]));
                })
            .variant(
                "baseline",
                "theirs",
                r -> {
                  calls.add("baseline");
                  return new java.util.LinkedHashMap<>(Map.of("wall_ms", baseline[r]));
                })
            .check(Check.ratio("speed-up", "baseline", "longhaul", "wall_ms", 10))
            .check(Check.atMost("slow", "longhaul", "wall_ms", 50, "ms"));
    s.run(0, 5, QUIET);

    assertThat(calls.subList(0, 4)).containsExactly("longhaul", "baseline", "baseline", "longhaul");
    JsonNode json = parse(io.longhaul.bench.core.Json.write(s.toMap()));
    JsonNode ratio = json.get("checks").get(0);
    // Per round 10, 30, 20, 5, 20: the median of the ratios, not the ratio of the medians (30).
    assertThat(ratio.get("perRound").toString()).isEqualTo("[10,30,20,5,20]");
    assertThat(ratio.get("stats").get("median").asDouble()).isEqualTo(20.0);
    assertThat(ratio.get("stats").get("min").asDouble()).isEqualTo(5.0);
    assertThat(ratio.get("stats").get("q1").asDouble()).isEqualTo(10.0);
    assertThat(ratio.get("met").asBoolean()).isTrue();
    assertThat(json.get("checks").get(1).get("met").asBoolean()).isTrue();
    assertThat(json.get("summary").get("baseline").get("wall_ms").get("max").asDouble())
        .isEqualTo(500.0);
  }

  @Test
  void aFailedTrialIsRecordedNotHidden() {
    var s =
        new Scenario("failing")
            .variant(
                "longhaul",
                "throws",
                r -> {
                  throw new IllegalStateException("device refused");
                })
            .skip("baseline", "tool missing")
            .check(Check.atLeast("throughput", "longhaul", "ops", 1, "/s"));
    s.run(0, 2, QUIET);

    JsonNode json = parse(io.longhaul.bench.core.Json.write(s.toMap()));
    assertThat(
            json.get("rounds").get(0).get("results").get("longhaul").get("failed_trials").asInt())
        .isEqualTo(1);
    assertThat(json.get("checks").get(0).get("met").isNull()).isTrue();
    assertThat(json.get("skipped").get("baseline").asString()).isEqualTo("tool missing");
  }

  @Test
  void aDifferenceCheckDividesWithinEachRound() {
    double[] longhaul = {50, 70, 40};
    double[] direct = {20, 30, 25};
    var s =
        new Scenario("overhead")
            .variant(
                "longhaul",
                "ours",
                r -> new java.util.LinkedHashMap<>(Map.of("per_spawn_ms", longhaul[r])))
            .variant(
                "direct",
                "plain thread",
                r -> new java.util.LinkedHashMap<>(Map.of("per_spawn_ms", direct[r])))
            .check(
                Check.differenceAtMost(
                    "overhead per step", "longhaul", "direct", "per_spawn_ms", 10, 2.5, "ms"));
    s.run(0, 3, QUIET);

    JsonNode check = parse(io.longhaul.bench.core.Json.write(s.toMap())).get("checks").get(0);
    // (50-20)/10, (70-30)/10, (40-25)/10
    assertThat(check.get("perRound").toString()).isEqualTo("[3,4,1.5]");
    assertThat(check.get("kind").asString()).isEqualTo("difference");
    assertThat(check.get("met").asBoolean()).isFalse();
  }

  static JsonNode parse(String text) {
    return JsonMapper.builder().build().readTree(text);
  }
}
