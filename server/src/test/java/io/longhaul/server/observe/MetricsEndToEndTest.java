package io.longhaul.server.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.longhaul.db.security.UserRepository;
import io.longhaul.lab.fault.Fault;
import io.longhaul.server.support.ApiClient;
import io.longhaul.server.support.LabServerTestBase;
import io.longhaul.server.support.Scrape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/**
 * What an operator's Prometheus scrapes after a discovery, a spawn and a discovery that parks on a
 * dead leaf: Longhaul's series with their labels, Temporal's SDK series, no label value naming a
 * run, an instance or a device, and every metric the repository's alert rules and dashboard use.
 */
@TestPropertySource(
    properties = {
      // A dead leaf is silent over SNMP: keep each attempt short so the run parks soon.
      "longhaul.snmp.timeout=PT0.3S",
      "longhaul.snmp.retries=0",
      "longhaul.metrics.sample-every=PT0.5S"
    })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("The metrics endpoint")
class MetricsEndToEndTest extends LabServerTestBase {
  static final Pattern METRIC = Pattern.compile("\\b((?:longhaul|temporal)_[a-z0-9_]+)");
  static final List<String> RUN_IDS = new ArrayList<>();

  @Autowired UserRepository users;
  @Autowired PasswordEncoder encoder;

  ApiClient viewer() {
    if (!users.exists("scraper")) {
      users.create("scraper", encoder.encode("a-long-scraper-password"), "viewer");
    }
    var basic = ApiClient.basic(port, "scraper", "a-long-scraper-password");
    var token = basic.post("/api/v1/tokens", Map.of("name", "prometheus"));
    assertThat(token.status()).as(token.raw()).isEqualTo(201);
    return ApiClient.bearer(port, token.body().path("secret").asText());
  }

  @Test
  @Order(1)
  @DisplayName("is closed to a caller without credentials")
  void closedToAnonymous() {
    assertThat(ApiClient.anonymous(port).get("/actuator/prometheus").status()).isEqualTo(401);
  }

  @Test
  @Order(2)
  @DisplayName("after discovery, a spawn and a parked discovery shows runs, steps and devices")
  void scenario() {
    RUN_IDS.add(settle("topology-discovery", Map.of("site", "sha"), "succeeded"));
    Map<String, Object> vm = new HashMap<>();
    vm.put("site", "sha");
    vm.put("name", "obs-vm-1");
    vm.put("vcpus", 1);
    vm.put("memoryMiB", 256);
    vm.put("networkLabel", "web");
    RUN_IDS.add(settle("instance-spawn", vm, "succeeded"));
    lab().faults().inject("sha-leaf4", new Fault.Down());
    RUN_IDS.add(settle("topology-discovery", Map.of("site", "sha"), "needs_attention"));

    Scrape s =
        scrapeUntil(
            x ->
                !x.named("temporal_workflow_completed_total").isEmpty()
                    && !x.find("longhaul_runs_live", Map.of("hold", "needs_attention")).isEmpty());
    assertThat(s.find("longhaul_runs_started_total", Map.of("operation", "instance-spawn")))
        .extracting(Scrape.Sample::value)
        .containsExactly(1.0);
    assertThat(
            s.find(
                "longhaul_runs_ended_total",
                Map.of("operation", "topology-discovery", "outcome", "succeeded")))
        .extracting(Scrape.Sample::value)
        .containsExactly(1.0);
    assertThat(
            s.find(
                "longhaul_run_duration_seconds_bucket",
                Map.of("operation", "instance-spawn", "outcome", "succeeded")))
        .isNotEmpty();
    assertThat(
            s.find(
                "longhaul_step_duration_seconds_count",
                Map.of("operation", "topology-discovery", "step", "read-lldp")))
        .isNotEmpty();
    assertThat(
            s.find(
                "longhaul_device_calls_seconds_count",
                Map.of("site", "sha", "kind", "hypervisor", "outcome", "ok")))
        .isNotEmpty();
    assertThat(
            s.find(
                "longhaul_device_calls_seconds_count",
                Map.of("site", "sha", "kind", "switch", "outcome", "DeviceTimeout")))
        .isNotEmpty();
    assertThat(s.find("longhaul_ipam_allocations_total", Map.of("outcome", "ok"))).isNotEmpty();
    assertThat(s.named("longhaul_snmp_timeouts_total").getFirst().value()).isPositive();
    assertThat(s.named("longhaul_ssh_sessions")).hasSize(1);
    assertThat(s.find("longhaul_journal_write_seconds_count", Map.of("record", "event")))
        .isNotEmpty();
    assertThat(
            s.find(
                "longhaul_runs_live",
                Map.of("operation", "topology-discovery", "hold", "needs_attention")))
        .extracting(Scrape.Sample::value)
        .containsExactly(1.0);
    assertThat(
            s.find(
                "longhaul_step_holds_total",
                Map.of("operation", "topology-discovery", "kind", "parked")))
        .isNotEmpty();
    assertThat(s.named("temporal_activity_schedule_to_start_latency_seconds_bucket")).isNotEmpty();

    // No label value names a run, the instance or a device: ids and names stay in PostgreSQL.
    Set<String> forbidden = new TreeSet<>(RUN_IDS);
    forbidden.add("obs-vm-1");
    for (JsonNode sw : admin().get("/api/v1/switches").body()) {
      forbidden.add(sw.path("name").asText());
    }
    for (JsonNode hv : admin().get("/api/v1/hypervisors").body()) {
      forbidden.add(hv.path("name").asText());
    }
    List<String> leaks = new ArrayList<>();
    for (Scrape.Sample sample : s.samples()) {
      for (var label : sample.labels().entrySet()) {
        for (String f : forbidden) {
          if (label.getValue().contains(f)) {
            leaks.add(sample.name() + " " + label.getKey() + "=" + label.getValue());
          }
        }
      }
    }
    assertThat(leaks).isEmpty();
    assertThat(forbidden).hasSizeGreaterThan(10);
  }

  @Test
  @Order(3)
  @DisplayName("has every metric the alert rules and the Grafana dashboard use")
  void opsFilesUseRealMetrics() throws Exception {
    Scrape s = scrape(viewer());
    Set<String> scraped = new TreeSet<>();
    for (String name : s.names()) {
      scraped.add(name);
      scraped.add(name.replaceFirst("_(bucket|count|sum|max)$", ""));
    }
    Path ops = Path.of("..", "ops");
    for (Path file :
        List.of(
            ops.resolve("prometheus/longhaul-alerts.yml"),
            ops.resolve("grafana/longhaul-dashboard.json"))) {
      Set<String> used = new TreeSet<>();
      Matcher m = METRIC.matcher(Files.readString(file));
      while (m.find()) {
        used.add(m.group(1));
      }
      assertThat(used).as(file.toString()).isNotEmpty();
      assertThat(scraped).as(file + " uses metrics the scrape has").containsAll(used);
    }
  }

  String settle(String operation, Map<String, Object> params, String status) {
    String id = start(operation, params);
    JsonNode run = awaitSettled(id);
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo(status);
    return id;
  }

  Scrape scrape(ApiClient client) {
    long t0 = System.nanoTime();
    var r = client.get("/actuator/prometheus");
    long micros = (System.nanoTime() - t0) / 1_000;
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    Scrape s = Scrape.parse(r.raw());
    // Figures for the notes (docs/production.md quotes them), never asserted.
    System.out.printf(
        "scrape: %d series (%d longhaul_*), %d bytes, %d µs%n",
        s.samples().size(),
        s.samples().stream().filter(x -> x.name().startsWith("longhaul_")).count(),
        r.raw().length(),
        micros);
    return s;
  }

  /** Temporal's SDK reports every 10 s and the run sampler on its own beat: scrape until ready. */
  Scrape scrapeUntil(java.util.function.Predicate<Scrape> ready) {
    ApiClient viewer = viewer();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    Scrape s = scrape(viewer);
    while (!ready.test(s) && Instant.now().isBefore(deadline)) {
      sleep(500);
      s = scrape(viewer);
    }
    return s;
  }
}
