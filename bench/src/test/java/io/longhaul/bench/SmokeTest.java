package io.longhaul.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.bench.core.BenchConfig;
import io.longhaul.bench.core.Benchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every benchmark in smoke mode (tiny sizes, 2 rounds, no Ansible or net-snmp baselines) against a
 * real lab: the harness cannot rot. Asserts the shape of the results, never timings.
 */
class SmokeTest {
  /** Benchmarks whose baselines are external tools (Ansible, net-snmp). */
  static final java.util.Set<String> EXTERNAL = java.util.Set.of("b3-fleet-push", "b4-snmp-verify");

  static java.util.List<Benchmark> benchmarks() {
    return BenchMain.all();
  }

  @ParameterizedTest
  @MethodSource("benchmarks")
  void writesWellFormedResults(Benchmark benchmark, @TempDir Path dir) throws Exception {
    Path json = BenchMain.runOne(benchmark, BenchConfig.smoke(dir, false));

    JsonNode r = HarnessTest.parse(Files.readString(json));
    assertThat(r.get("benchmark").asString()).isEqualTo(benchmark.name());
    assertThat(r.get("smoke").asBoolean()).isTrue();
    JsonNode machine = r.get("machine");
    assertThat(machine.get("cores").asInt()).isPositive();
    assertThat(machine.get("memoryTotalMiB").asLong()).isPositive();
    assertThat(machine.get("jdk").asString()).isNotBlank();
    assertThat(machine.has("cpuModel")).isTrue();
    assertThat(r.get("loadAverageBefore").size()).isEqualTo(3);
    assertThat(r.get("scenarios").size()).isPositive();
    for (JsonNode s : r.get("scenarios")) {
      assertThat(s.get("rounds").size()).isEqualTo(2);
      for (JsonNode round : s.get("rounds")) {
        JsonNode longhaul = round.get("results").get("longhaul");
        assertThat(longhaul.has("failed_trials")).as("trial threw: %s", longhaul).isFalse();
        assertThat(longhaul.get("wall_ms").isNumber()).isTrue();
        assertThat(longhaul.get("cpu_ms").isNumber()).isTrue();
        assertThat(longhaul.get("failures").asDouble()).isZero();
      }
      assertThat(s.get("summary").get("longhaul").get("wall_ms").get("median").isNumber()).isTrue();
      assertThat(s.get("checks").size()).isPositive();
      // Baselines needing Ansible or net-snmp are reported as skipped, never silently absent.
      if (EXTERNAL.contains(benchmark.name())) {
        assertThat(s.get("skipped").size()).isPositive();
      }
    }
    assertThat(Files.readString(dir.resolve(benchmark.name() + "-smoke.md")))
        .contains("| figure | median |")
        .contains("Smoke run");
  }
}
