package io.longhaul.server.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The alert rules and the dashboard's queries are valid PromQL, as Prometheus's own promtool
 * (Debian's prometheus package, installed by ./longhaul test) reads them. That their metric names
 * exist is MetricsEndToEndTest's check, against a real scrape.
 */
@DisplayName("The ops files")
class OpsFilesTest {
  static final Path OPS = Path.of("..", "ops");

  static String promtool(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("promtool"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  @Test
  @DisplayName("alert rules pass promtool check rules")
  void alertRules() throws Exception {
    String out =
        promtool("check", "rules", OPS.resolve("prometheus/longhaul-alerts.yml").toString());
    assertThat(out).contains("SUCCESS");
  }

  @Test
  @DisplayName(
      "the Prometheus configuration docker-compose.yml mounts passes promtool check config")
  void prometheusConfig() throws Exception {
    // Where compose mounts ops/prometheus, with a token file as the operator puts there.
    Path mounted = Files.createTempDirectory("etc-prometheus");
    Path prometheus = OPS.resolve("prometheus");
    Files.writeString(
        mounted.resolve("prometheus.yml"),
        Files.readString(prometheus.resolve("prometheus.yml"))
            .replace("/etc/prometheus/", mounted + "/"));
    Files.copy(prometheus.resolve("longhaul-alerts.yml"), mounted.resolve("longhaul-alerts.yml"));
    Files.writeString(mounted.resolve("longhaul-token"), "a-viewer-token");
    String out = promtool("check", "config", mounted.resolve("prometheus.yml").toString());
    assertThat(out).contains("SUCCESS: 1 rule files found");
  }

  @Test
  @DisplayName("every dashboard panel's query passes promtool, as a recording rule")
  void dashboardQueries() throws Exception {
    JsonNode dashboard =
        new ObjectMapper().readTree(OPS.resolve("grafana/longhaul-dashboard.json").toFile());
    StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
    int n = 0;
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asText();
        assertThat(expr).as(panel.path("title").asText()).isNotBlank();
        rules
            .append("      - record: dashboard:panel")
            .append(++n)
            .append("\n        expr: ")
            .append(new ObjectMapper().writeValueAsString(expr))
            .append('\n');
      }
    }
    assertThat(n).isGreaterThan(10);
    Path file = Files.createTempFile("dashboard-rules", ".yml");
    Files.writeString(file, rules);
    assertThat(promtool("check", "rules", file.toString())).contains("SUCCESS: " + n + " rules");
  }
}
