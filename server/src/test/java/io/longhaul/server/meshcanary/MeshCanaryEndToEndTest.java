package io.longhaul.server.meshcanary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.longhaul.lab.mesh.IdcSpec;
import io.longhaul.lab.mesh.MeshFault;
import io.longhaul.lab.mesh.MeshIdc;
import io.longhaul.lab.mesh.MeshLab;
import io.longhaul.lab.mesh.PrometheusServer;
import io.longhaul.server.support.ApiClient;
import io.longhaul.server.support.ServerTestBase;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The mesh canary through the API against the lab mesh with the real Prometheus: two IDCs, each a
 * primary and two remote Kubernetes APIs, registered as a user would (sites, clusters labelled
 * mesh-primary / mesh-remote, the Prometheus as a cluster). A healthy canary promotes; one whose
 * sidecars answer 5xx rolls back by itself.
 */
@DisplayName("Mesh control-plane canary end to end")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeshCanaryEndToEndTest extends ServerTestBase {
  static final String STABLE = "1-24-2";
  static final String CANARY = "1-25-0";
  MeshLab lab;
  ApiClient admin;
  String good;
  String bad;

  @BeforeAll
  void labAndInventory() throws Exception {
    assumeTrue(PrometheusServer.available(), "Debian's prometheus is not installed");
    String unique = Long.toHexString(System.nanoTime()).substring(8);
    good = "mg" + unique;
    bad = "mb" + unique;
    lab =
        MeshLab.start(
            List.of(IdcSpec.small(good), IdcSpec.small(bad)),
            Files.createTempDirectory("mesh-e2e"));
    admin = admin();
    for (MeshIdc idc : lab.idcs()) {
      register(idc);
    }
  }

  void register(MeshIdc idc) {
    var s = admin.post("/api/v1/sites", Map.of("code", idc.name(), "name", "IDC " + idc.name()));
    assertThat(s.status()).as(s.raw()).isEqualTo(201);
    long siteId = s.body().path("id").asLong();
    // The lab listens on loopback: the IDC is managed there, as an admin would set it.
    var networks =
        admin.put(
            "/api/v1/sites/" + siteId + "/mgmt-networks", Map.of("cidrs", List.of("127.0.0.0/8")));
    assertThat(networks.status()).as(networks.raw()).isEqualTo(200);
    idc.clusters()
        .forEach(
            (name, uri) ->
                cluster(
                    siteId,
                    name,
                    "k8s",
                    uri.toString(),
                    name.equals(idc.primaryName()) ? "mesh-primary" : "mesh-remote"));
    cluster(
        siteId,
        idc.name() + "-prometheus",
        "prometheus",
        lab.prometheus(idc.name()).toString(),
        "metrics");
  }

  void cluster(long siteId, String name, String kind, String url, String label) {
    Map<String, Object> body = new HashMap<>();
    body.put("siteId", siteId);
    body.put("name", name);
    body.put("kind", kind);
    body.put("baseUrl", url);
    body.put("labels", List.of(label));
    var r = admin.post("/api/v1/clusters", body);
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
  }

  @AfterAll
  void stopLab() {
    if (lab != null) {
      lab.close();
    }
  }

  Map<String, Object> params(String idc) {
    Map<String, Object> analysis = new HashMap<>();
    analysis.put("intervalSeconds", 5);
    analysis.put("stepSeconds", 1);
    analysis.put("alpha", 0.05);
    analysis.put("tolerance", 0.25);
    analysis.put("passScore", 95);
    analysis.put("marginalScore", 75);
    analysis.put("minSuccessRate", 0.99);
    analysis.put("maxP99LatencyMs", 500);
    analysis.put("maxConvergenceSeconds", 1.0);
    analysis.put("maxRejectsPerSecond", 0.0);
    Map<String, Object> p = new HashMap<>();
    p.put("idcs", List.of(Map.of("idc", idc)));
    p.put("stableRevision", STABLE);
    p.put("canaryRevision", CANARY);
    p.put("canaryVersion", "1.25.0");
    p.put("tag", "prod-stable");
    p.put("cohorts", List.of(20, 50));
    p.put("analysis", analysis);
    p.put("bakeIntervals", 1);
    p.put("manualJudgement", false);
    p.put("maxUnavailable", 2);
    p.put("soakSeconds", 1);
    return p;
  }

  String start(String idc) {
    var started =
        admin.post(
            "/api/v1/runs",
            Map.of(
                "operation",
                "mesh-controlplane-canary",
                "params",
                params(idc),
                "reason",
                "istio 1.25"));
    assertThat(started.status()).as(started.raw()).isEqualTo(202);
    return started.body().path("id").asText();
  }

  JsonNode await(String id, Predicate<String> until) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    JsonNode run = null;
    while (Instant.now().isBefore(deadline)) {
      run = admin.get("/api/v1/runs/" + id).body();
      if (until.test(run.path("status").asText())) {
        return run;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("run " + id + " never got there: " + run);
  }

  @Test
  @DisplayName(
      "a healthy canary promotes: the tag names it, no pod runs the old revision, the old is retired")
  void promotes() throws InterruptedException {
    String id = start(good);
    JsonNode run = await(id, Set.of("succeeded", "failed", "needs_attention", "aborted")::contains);
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
    MeshIdc idc = lab.idc(good);
    assertThat(idc.tags()).containsEntry("prod-stable", CANARY);
    assertThat(idc.podsByRevision()).containsOnlyKeys(CANARY);
    assertThat(idc.namespaceLabels().values()).containsOnly("prod-stable");
    assertThat(idc.istiods()).containsOnlyKeys(CANARY);
    JsonNode view = admin.get("/api/v1/runs/" + id + "/view").body();
    assertThat(view.path("outcome").asText()).as(view.toString()).isEqualTo("promoted");
    JsonNode analyses = view.path("idcs").get(0).path("analyses");
    assertThat(analyses.size()).isEqualTo(2);
    for (JsonNode a : analyses) {
      assertThat(a.path("verdict").asText()).as(a.toString()).isEqualTo("pass");
      assertThat(a.path("queries").asInt()).isEqualTo(8);
    }
  }

  @Test
  @DisplayName(
      "a canary whose cohort gets 5xx fails its analysis and rolls back every namespace to stable")
  void rollsBack() throws InterruptedException {
    MeshIdc idc = lab.idc(bad);
    idc.inject(CANARY, MeshFault.ERRORS_5XX);
    String id = start(bad);
    JsonNode run = await(id, Set.of("succeeded", "failed", "needs_attention", "aborted")::contains);
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("failed");
    assertThat(run.toString()).contains("CanaryFailed", "success-rate");
    assertThat(idc.tags()).containsEntry("prod-stable", STABLE);
    assertThat(idc.namespaceLabels().values()).containsOnly("prod-stable");
    assertThat(idc.podsByRevision()).containsOnlyKeys(STABLE);
    assertThat(idc.istiods().get(CANARY).replicas()).isZero();
    JsonNode view = admin.get("/api/v1/runs/" + id + "/view").body();
    assertThat(view.path("outcome").asText()).as(view.toString()).isEqualTo("rolled-back");
    JsonNode first = view.path("idcs").get(0);
    assertThat(first.path("state").asText()).isEqualTo("rolled-back");
    assertThat(first.path("analyses").get(0).path("verdict").asText()).isEqualTo("fail");
  }
}
