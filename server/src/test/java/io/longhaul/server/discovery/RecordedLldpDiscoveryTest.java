package io.longhaul.server.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.longhaul.server.support.ApiClient;
import io.longhaul.server.support.ServerTestBase;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Topology discovery of a site whose leaf is snmpsim replaying a recording (the drivers' {@code
 * rec-leaf1.snmprec}: lldpd's MAC-subtype port ids, time marks above 2^31, FQDN system names, a
 * neighbour switch the inventory does not know). The site is created through the API while the
 * server runs, so its queue must be served without a restart too.
 */
@DisplayName("Topology discovery of a recorded switch (snmpsim)")
class RecordedLldpDiscoveryTest extends ServerTestBase {
  static final Path SCRIPT = Path.of("../drivers/src/test/realstack/stack.sh").toAbsolutePath();
  static final Path RECORDINGS = Path.of("../drivers/src/test/resources/snmprec").toAbsolutePath();
  static final Path DIR = Path.of("target/realstack-snmp").toAbsolutePath();
  static int snmpPort;

  @BeforeAll
  static void startSnmpsim() throws IOException, InterruptedException {
    String why = null;
    if (!"0".equals(run("id", "-u").strip())) {
      why = "not root";
    } else if (run("sh", "-c", "command -v snmpsimd").isBlank()) {
      why = "snmpsimd missing (Debian package snmpsim; ./longhaul test installs it)";
    }
    if (why != null) {
      if ("required".equals(System.getenv("LONGHAUL_REAL_STACK"))) {
        Assertions.fail("snmpsim is required but unavailable: " + why);
      }
      Assumptions.abort("snmpsim unavailable, skipped: " + why);
    }
    Files.createDirectories(DIR);
    try (var s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      snmpPort = s.getLocalPort();
    }
    run(
        "sh",
        SCRIPT.toString(),
        "snmp",
        DIR.toString(),
        String.valueOf(snmpPort),
        RECORDINGS.toString());
  }

  @AfterAll
  static void stopSnmpsim() throws IOException, InterruptedException {
    run("sh", SCRIPT.toString(), "stop", DIR.toString());
  }

  @Test
  @DisplayName(
      "reads the recording without parking and records the host's two links by its short name")
  void discovers() {
    ApiClient admin = admin();
    long site =
        admin
            .post("/api/v1/sites", Map.of("code", "rec", "name", "Recorded", "timeZone", "UTC"))
            .body()
            .path("id")
            .asLong();
    long community =
        admin
            .post(
                "/api/v1/credentials",
                Map.of("name", "rec-community", "kind", "snmp-v2c", "secret", "rec-leaf1"))
            .body()
            .path("id")
            .asLong();
    // Devices and credentials go only where an admin allows: the loopback range, here.
    var networks =
        admin.put(
            "/api/v1/sites/" + site + "/mgmt-networks", Map.of("cidrs", List.of("127.0.0.0/8")));
    assertThat(networks.status()).as(networks.raw()).isEqualTo(200);
    var scope =
        admin.put(
            "/api/v1/credentials/" + community + "/scope",
            Map.of("siteId", site, "kinds", List.of("switch"), "cidrs", List.of("127.0.0.0/8")));
    assertThat(scope.status()).as(scope.raw()).isEqualTo(200);
    var sw =
        admin.post(
            "/api/v1/switches",
            Map.of(
                "siteId",
                site,
                "name",
                "rec-leaf1",
                "role",
                "leaf",
                "dialect",
                "eos",
                "leafPair",
                "rec-pair",
                "mgmtAddress",
                "127.0.0.1",
                "snmpPort",
                snmpPort,
                "snmpCredentialId",
                community));
    assertThat(sw.status()).as(sw.raw()).isEqualTo(201);
    var hv =
        admin.post(
            "/api/v1/hypervisors",
            Map.of(
                "siteId",
                site,
                "name",
                "hv-rec1",
                "address",
                "127.0.0.2",
                "cpuCores",
                8,
                "memoryMb",
                32768,
                "maintenance",
                false));
    assertThat(hv.status()).as(hv.raw()).isEqualTo(201);

    var started =
        admin.post(
            "/api/v1/runs",
            Map.of(
                "operation",
                "topology-discovery",
                "params",
                Map.of("site", "rec"),
                "reason",
                "recorded switch"));
    assertThat(started.status()).as(started.raw()).isEqualTo(202);
    JsonNode run = awaitEnd(admin, started.body().path("id").asText());
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");

    Set<String> links = new HashSet<>();
    long hvId = hv.body().path("id").asLong();
    for (JsonNode l : admin.get("/api/v1/host-links").body()) {
      if (l.path("hypervisorId").asLong() == hvId) {
        links.add(l.path("nic").asText() + " -> " + l.path("interfaceName").asText());
      }
    }
    assertThat(links).containsExactlyInAnyOrder("eth0 -> Ethernet1/1", "eth1 -> Ethernet1/2");
    assertThat(run.path("result").toString()).contains("rec-spine1").contains("unknown-peer");
  }

  static JsonNode awaitEnd(ApiClient admin, String id) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      JsonNode run = admin.get("/api/v1/runs/" + id).body();
      if (List.of("succeeded", "failed", "needs_attention").contains(run.path("status").asText())) {
        return run;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("run " + id + " did not end");
  }

  static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getOutputStream().close();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", command) + ": no end within 60 s");
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + ": " + out);
    }
    return out;
  }
}
