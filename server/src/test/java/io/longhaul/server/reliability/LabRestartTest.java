package io.longhaul.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longhaul.db.testing.TestDatabase;
import io.longhaul.server.support.ApiClient;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The default run as a user runs it, lab included, in one process: kill -9 with instances spawned
 * and one spawn mid device step, restart from the same LONGHAUL_HOME. The lab comes back from its
 * state dir (domains, OVS ports, leaf trunks as they were), the in-flight spawn resumes and ends,
 * and nothing is left over. One hypervisor's saved state is removed before the restart, as a lab
 * that lost it: the mismatch is reported at start and on the lab status, not hidden. Figures go to
 * {@code target/reliability/lab-restart.txt}.
 */
@Tag("reliability")
@DisplayName("Kill -9 of the default run with its lab, and restart")
class LabRestartTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Set<String> ENDED = KillRestartTest.ENDED;

  @Test
  @Timeout(value = 8, unit = java.util.concurrent.TimeUnit.MINUTES)
  @DisplayName(
      "the lab's devices come back as they were, the in-flight run ends, a lost device is reported")
  void killAndRestartWithLab() throws Exception {
    Path dir = Files.createTempDirectory("longhaul-lab-restart");
    String dbUrl = TestDatabase.create();
    int port = LonghaulProcess.freePort();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("LONGHAUL_HOME", dir.toString());
    env.put("LONGHAUL_DB_URL", dbUrl);
    env.put("LONGHAUL_DB_USER", TestDatabase.user());
    env.put("LONGHAUL_DB_PASSWORD", TestDatabase.password());
    env.put("LONGHAUL_PORT", String.valueOf(port));
    env.put("LONGHAUL_TEMPORAL_EMBEDDED_PORT", String.valueOf(LonghaulProcess.freePort()));
    env.put("LONGHAUL_ADMIN_PASSWORD", KillRestartTest.PASSWORD);
    env.put("LONGHAUL_LAB_ENABLED", "true");
    // The subject is the lab's saved state and the start's drift report; the drift watch would
    // mark the lost device's instance missing first, and the report then rightly has nothing.
    env.put("LONGHAUL_DRIFT_ENABLED", "false");
    env.put("LONGHAUL_CREDENTIALS_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    env.put("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "10");
    Path log = dir.resolve("longhaul.log");
    Map<String, Object> figures = new LinkedHashMap<>();
    ApiClient admin = ApiClient.basic(port, "admin", KillRestartTest.PASSWORD);
    KillRestartTest.Scenario s = new KillRestartTest.Scenario(port, null);

    Map<String, String> placed;
    Map<String, String> trunksBefore;
    String lost;
    String running;
    try (LonghaulProcess first = new LonghaulProcess(env, log).start()) {
      figures.put("first start (s)", KillRestartTest.seconds(first.awaitHealthy(port, MINUTES_3)));
      JsonNode d = s.await(s.start("topology-discovery", Map.of("site", "sha")), ended(), 120);
      assertThat(d.path("status").asText()).as(d.toString()).isEqualTo("succeeded");
      for (String name : List.of("lr-1", "lr-2", "lr-3")) {
        JsonNode r = s.await(s.start("instance-spawn", vm(name)), ended(), 120);
        assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("succeeded");
      }
      LabAdmin lab = LabAdmin.of(dir);
      placed = lab.domains();
      assertThat(placed).containsKeys("lr-1", "lr-2", "lr-3");
      trunksBefore = lab.hostTrunks(Set.copyOf(placed.values()));
      // One spawn mid device step at the kill: its hypervisor answers slowly.
      lab.post("faults", Map.of("target", "hypervisors", "type", "latency", "latencyMs", 1500));
      running = s.start("instance-spawn", vm("lr-run"));
      s.await(running, r -> r.toString().contains("\"define-start\""), 120);
      first.kill9();
    }
    // As a lab that lost one device's saved state: lr-3's hypervisor starts from the topology.
    lost = placed.get("lr-3");
    Files.delete(dir.resolve("lab/devices/" + lost + ".json"));

    Instant killedAt = Instant.now();
    try (LonghaulProcess second = new LonghaulProcess(env, log).start()) {
      figures.put(
          "restart until healthy (s)",
          KillRestartTest.seconds(second.awaitHealthy(port, MINUTES_3)));
      LabAdmin lab = LabAdmin.of(dir);
      String startLog = second.log();
      Map<String, String> after = lab.domains();
      Set<String> expectedLost = new TreeSet<>();
      placed.forEach(
          (vm, hv) -> {
            if (hv.equals(lost)) {
              expectedLost.add(vm);
            } else {
              assertThat(after).as("domain " + vm + " restored").containsEntry(vm, hv);
            }
          });
      Set<String> kept = new TreeSet<>(placed.values());
      kept.remove(lost);
      assertThat(lab.hostTrunks(kept))
          .as("leaf trunks toward the restored hypervisors")
          .isEqualTo(filter(trunksBefore, kept));
      List<String> expectedDrift =
          expectedLost.stream()
              .map(vm -> "instance " + vm + " is active on " + lost + ", which has no such domain")
              .toList();
      assertThat(startLog).contains("lab and inventory disagree");
      expectedDrift.forEach(line -> assertThat(startLog).contains(line));
      assertThat(startLog).containsPattern("lab: \\d+ devices restored from");

      JsonNode r = s.await(running, ended(), 180);
      figures.put(
          "in-flight spawn ended after the kill (s)",
          KillRestartTest.seconds(Duration.between(killedAt, Instant.now())));
      assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("succeeded");
      assertThat(r.toString()).contains("\"resumed\"");

      List<String> drift = new ArrayList<>();
      admin.get("/api/v1/lab/status").body().path("drift").forEach(x -> drift.add(x.asText()));
      figures.put("drift after restart", drift);
      assertThat(drift).as("the only disagreement is the lost device's").isEqualTo(expectedDrift);
      List<String> orphans =
          KillRestartTest.orphans(admin, lab.domains(), lab.ovsPorts(), expectedLost);
      figures.put("orphans", orphans);
      Files.createDirectories(Path.of("target/reliability"));
      Files.writeString(Path.of("target/reliability/lab-restart.txt"), figures + "\n");
      assertThat(orphans).isEmpty();
    }
  }

  static final Duration MINUTES_3 = Duration.ofMinutes(3);

  static Map<String, String> filter(Map<String, String> trunks, Set<String> hypervisors) {
    Map<String, String> out = new TreeMap<>();
    trunks.forEach(
        (k, v) -> {
          if (hypervisors.stream().anyMatch(h -> k.contains(" " + h + " "))) {
            out.put(k, v);
          }
        });
    return out;
  }

  static java.util.function.Predicate<JsonNode> ended() {
    return r -> ENDED.contains(r.path("status").asText());
  }

  static Map<String, Object> vm(String name) {
    return KillRestartTest.Scenario.vm("sha", name, "web");
  }

  /** The lab's admin API in the Longhaul process, with the token of its current start. */
  record LabAdmin(URI base, String token) {
    static LabAdmin of(Path home) throws Exception {
      Properties p = new Properties();
      p.load(new StringReader(Files.readString(home.resolve("lab/credentials.properties"))));
      return new LabAdmin(
          URI.create("http://127.0.0.1:" + portOf(home) + "/"), p.getProperty("admin.token"));
    }

    private static String portOf(Path home) throws Exception {
      String log = Files.readString(home.resolve("longhaul.log"));
      int at = log.lastIndexOf("admin API http://127.0.0.1:");
      String rest = log.substring(at + "admin API http://127.0.0.1:".length());
      return rest.substring(0, rest.indexOf('/'));
    }

    JsonNode get(String path) throws Exception {
      var r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(base.resolve(path))
                      .header("Authorization", "Bearer " + token)
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
      return JSON.readTree(r.body());
    }

    void post(String path, Object body) throws Exception {
      var r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(base.resolve(path))
                      .header("Authorization", "Bearer " + token)
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(201);
    }

    List<String> devices(String kind) throws Exception {
      List<String> out = new ArrayList<>();
      for (JsonNode d : get("devices")) {
        if (d.path("kind").asText().equalsIgnoreCase(kind)) {
          out.add(d.path("name").asText());
        }
      }
      return out;
    }

    /** Domain name to its hypervisor, across the lab. */
    Map<String, String> domains() throws Exception {
      Map<String, String> out = new TreeMap<>();
      for (String hv : devices("hypervisor")) {
        get("hypervisors/" + hv).path("domains").forEach(x -> out.put(x.path("name").asText(), hv));
      }
      return out;
    }

    int ovsPorts() throws Exception {
      int n = 0;
      for (String hv : devices("hypervisor")) {
        n += get("hypervisors/" + hv).path("ovsPorts").size();
      }
      return n;
    }

    /**
     * "leaf interface description" to its trunk's allowed-VLAN line, for the leaf interfaces cabled
     * to {@code hypervisors} (their description names the hypervisor and its NIC).
     */
    Map<String, String> hostTrunks(Set<String> hypervisors) throws Exception {
      Map<String, String> out = new TreeMap<>();
      for (String sw : devices("switch")) {
        String config = get("switches/" + sw).path("runningConfig").asText();
        for (String block : config.split("\ninterface ")) {
          String[] lines = block.split("\n");
          String desc =
              java.util.Arrays.stream(lines)
                  .map(String::strip)
                  .filter(l -> l.startsWith("description "))
                  .findFirst()
                  .orElse("");
          if (hypervisors.stream().noneMatch(h -> desc.startsWith("description " + h + " "))) {
            continue;
          }
          String allowed =
              java.util.Arrays.stream(lines)
                  .map(String::strip)
                  .filter(l -> l.startsWith("switchport trunk allowed vlan"))
                  .findFirst()
                  .orElse("(all)");
          out.put(sw + " " + lines[0].strip() + " " + desc.substring(12) + " ", allowed);
        }
      }
      return out;
    }
  }
}
