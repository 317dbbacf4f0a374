package io.longhaul.lab.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@DisplayName("The lab mesh")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeshLabTest {
  MeshLab lab;
  MeshIdc sha;

  @BeforeAll
  void start() throws Exception {
    lab = MeshLab.start(List.of(IdcSpec.small("sha")), Files.createTempDirectory("mesh-lab"));
    sha = lab.idc("sha");
  }

  @AfterAll
  void stop() {
    lab.close();
  }

  KubernetesClient client(String cluster) {
    return new KubernetesClientBuilder()
        .withConfig(
            new io.fabric8.kubernetes.client.ConfigBuilder()
                .withMasterUrl(sha.clusters().get(cluster).toString())
                .withRequestRetryBackoffLimit(0)
                .build())
        .build();
  }

  static void await(String what, BooleanSupplier holds) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!holds.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  @Test
  @DisplayName("a restarted deployment's pods follow their namespace's label, through the tags")
  void rollout() throws Exception {
    String remote = sha.remoteNames().get(0);
    try (KubernetesClient k = client(remote);
        KubernetesClient p = client(sha.primaryName())) {
      assertThat(sha.podsByRevision()).containsEntry("1-24-2", 20);
      p.apps()
          .deployments()
          .inNamespace(MeshIdc.SYSTEM)
          .resource(MeshIdc.istiod("1-25-0", "1.25.0"))
          .create();
      await(
          "canary istiod ready",
          () -> sha.istiods().containsKey("1-25-0") && sha.istiods().get("1-25-0").ready());
      k.namespaces()
          .withName("shop-01")
          .edit(
              n -> {
                n.getMetadata().getLabels().put(MeshIdc.REV, "1-25-0");
                return n;
              });
      k.apps().deployments().inNamespace("shop-01").withName("app").rolling().restart();
      await("pods on the canary", () -> sha.podsByRevision().getOrDefault("1-25-0", 0) == 2);
      assertThat(k.pods().inNamespace("shop-01").list().getItems())
          .allMatch(pod -> pod.getMetadata().getLabels().get(MeshIdc.REV).equals("1-25-0"));
      assertThat(sha.namespaceLabels()).containsEntry(remote + "/shop-01", "1-25-0");
    }
  }

  @Test
  @DisplayName("an unreachable cluster answers 503 to every call")
  void unreachable() {
    String remote = sha.remoteNames().get(1);
    sha.setClusterDown(remote, true);
    try (KubernetesClient k = client(remote)) {
      KubernetesClientException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              KubernetesClientException.class, () -> k.namespaces().list());
      assertThat(e.getCode()).isEqualTo(503);
    } finally {
      sha.setClusterDown(remote, false);
    }
  }

  @Test
  @DisplayName("a real Prometheus scrapes Istio's metrics from the IDC every second")
  void prometheus() throws Exception {
    assumeTrue(lab.prometheus("sha") != null, "Debian's prometheus is not installed");
    HttpClient http = HttpClient.newHttpClient();
    String q =
        URLEncoder.encode(
            "sum by (revision) (rate(istio_requests_total[5s]))", StandardCharsets.UTF_8);
    String[] body = {""};
    await(
        "samples scraped",
        () -> {
          try {
            body[0] =
                http.send(
                        HttpRequest.newBuilder(
                                lab.prometheus("sha").resolve("/api/v1/query?query=" + q))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body();
            return body[0].contains("\"revision\":\"1-24-2\"");
          } catch (Exception e) {
            return false;
          }
        });
    assertThat(body[0]).contains("\"status\":\"success\"");
  }
}
