package io.longhaul.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.longhaul.lab.Lab;
import io.longhaul.lab.LabOptions;
import io.longhaul.lab.fault.Fault;
import io.longhaul.lab.tls.CertificateAuthority;
import io.longhaul.lab.topology.ClusterSpec;
import io.longhaul.lab.topology.SiteSpec;
import io.longhaul.lab.topology.Topology;
import io.longhaul.server.support.ApiClient;
import io.longhaul.server.support.ServerTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A lab mesh control plane registered through the API as a user would (site, credential, cluster
 * with the lab CA's certificate), then probed by the cluster-probe operation: the run's step runs
 * on the clusters queue, speaks HTTPS to the lab device and reports its answer.
 */
@DisplayName("Cluster probe end to end")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterProbeEndToEndTest extends ServerTestBase {
  Lab lab;
  ApiClient admin;
  String unique;
  long siteId;
  long tokenId;

  @BeforeAll
  void labAndInventory() {
    unique = Long.toHexString(System.nanoTime()).substring(6);
    String site = "p" + unique;
    lab =
        Lab.start(
            new Topology(
                List.of(
                    new SiteSpec(
                        site,
                        "Probe site",
                        "UTC",
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(new ClusterSpec(site + "-mesh", ClusterSpec.MESH, "1.24.2"))))),
            LabOptions.defaults().withAdminPort(-1));
    admin = admin();
    var s = admin.post("/api/v1/sites", Map.of("code", site, "name", "Probe site"));
    assertThat(s.status()).as(s.raw()).isEqualTo(201);
    siteId = s.body().path("id").asLong();
    // The lab listens on loopback: the site is managed there, as an admin would set it.
    var networks =
        admin.put(
            "/api/v1/sites/" + siteId + "/mgmt-networks", Map.of("cidrs", List.of("127.0.0.0/8")));
    assertThat(networks.status()).as(networks.raw()).isEqualTo(200);
    var token =
        admin.post(
            "/api/v1/credentials",
            Map.of(
                "name",
                site + "-token",
                "kind",
                "http-token",
                "secret",
                lab.credentials().httpToken()));
    assertThat(token.status()).as(token.raw()).isEqualTo(201);
    tokenId = token.body().path("id").asLong();
  }

  @AfterAll
  void stopLab() {
    lab.close();
  }

  @AfterEach
  void clearFaults() {
    lab.faults().clearAll();
  }

  String mesh() {
    return lab.topology().clusters().findFirst().orElseThrow().name();
  }

  /** Registers the lab's mesh under {@code name}, trusting {@code pem}. */
  void register(String name, String pem) {
    Map<String, Object> body = new HashMap<>();
    body.put("siteId", siteId);
    body.put("name", name);
    body.put("kind", "mesh");
    // The same device under a second name needs a URL of its own: the path tells them apart.
    body.put("baseUrl", lab.device(mesh()).baseUrl() + (name.equals(mesh()) ? "" : "/"));
    body.put("credentialId", tokenId);
    body.put("trustPem", pem);
    var r = admin.post("/api/v1/clusters", body);
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
  }

  JsonNode probe(String cluster, Predicate<String> until) throws InterruptedException {
    var started =
        admin.post(
            "/api/v1/runs",
            Map.of(
                "operation",
                "cluster-probe",
                "params",
                Map.of("cluster", cluster),
                "reason",
                "is it up"));
    assertThat(started.status()).as(started.raw()).isEqualTo(202);
    return await(started.body().path("id").asText(), until);
  }

  JsonNode await(String id, Predicate<String> until) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    JsonNode run = null;
    while (Instant.now().isBefore(deadline)) {
      run = admin.get("/api/v1/runs/" + id).body();
      if (until.test(run.path("status").asText())) {
        return run;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("run " + id + " never got there: " + run);
  }

  @Test
  @DisplayName("a registered cluster is probed over HTTPS through the clusters queue")
  void probes() throws InterruptedException {
    register(mesh(), lab.clusterCaPem());
    JsonNode run = probe(mesh(), Set.of("succeeded", "failed", "needs_attention")::contains);
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
    JsonNode result = run.path("result");
    assertThat(result.path("cluster").asText()).isEqualTo(mesh());
    assertThat(result.path("kind").asText()).isEqualTo("mesh");
    assertThat(result.path("version").asText()).isEqualTo("1.24.2");
    assertThat(result.path("healthy").asBoolean()).isTrue();
    assertThat(lab.meshControlPlane(mesh()).requestLog()).contains("GET /version", "GET /healthz");

    lab.meshControlPlane(mesh()).setHealthy(false);
    JsonNode degraded = probe(mesh(), "succeeded"::equals);
    assertThat(degraded.path("result").path("healthy").asBoolean()).isFalse();
    assertThat(degraded.path("result").path("detail").asText()).isEqualTo("degraded");
    lab.meshControlPlane(mesh()).setHealthy(true);

    // A refused credential parks the run; once the cluster takes it again, a retry succeeds.
    lab.faults().inject(mesh(), new Fault.AuthRefused());
    JsonNode parked = probe(mesh(), "needs_attention"::equals);
    JsonNode pending = parked.path("pending").get(0);
    assertThat(pending.path("step").asText()).isEqualTo("probe");
    assertThat(pending.path("target").asText()).isEqualTo(mesh());
    assertThat(pending.path("errorType").asText()).isEqualTo("AuthenticationFailed");
    assertThat(parked.toString()).doesNotContain(lab.credentials().httpToken());
    lab.faults().clearAll();
    String id = parked.path("id").asText();
    var retry =
        admin.post("/api/v1/runs/" + id + "/retry-step", Map.of("reason", "token accepted again"));
    assertThat(retry.status()).as(retry.raw()).isEqualTo(202);
    assertThat(await(id, "succeeded"::equals).path("result").path("version").asText())
        .isEqualTo("1.24.2");
  }

  @Test
  @DisplayName(
      "a cluster whose certificate the registered trust does not cover is never sent a request")
  void untrusted() throws InterruptedException {
    String name = "untrusted-" + unique;
    register(name, new CertificateAuthority("some other CA").pem());
    int before = lab.meshControlPlane(mesh()).requestLog().size();
    JsonNode parked = probe(name, Set.of("succeeded", "needs_attention")::contains);
    assertThat(parked.path("status").asText()).isEqualTo("needs_attention");
    JsonNode pending = parked.path("pending").get(0);
    assertThat(pending.path("errorType").asText()).isEqualTo("AuthenticationFailed");
    assertThat(pending.path("errorMessage").asText()).contains(name, "certificate not trusted");
    assertThat(lab.meshControlPlane(mesh()).requestLog()).hasSize(before);
  }

  @Test
  @DisplayName("a probe of a cluster that is not in the inventory is refused by the run, naming it")
  void unknown() throws InterruptedException {
    JsonNode run =
        probe("nowhere-" + unique, Set.of("succeeded", "needs_attention", "failed")::contains);
    assertThat(run.path("status").asText()).isEqualTo("needs_attention");
    assertThat(run.path("pending").get(0).path("errorType").asText()).isEqualTo("NotFound");
    assertThat(run.path("pending").get(0).path("errorMessage").asText())
        .contains("nowhere-" + unique);
  }
}
