package io.longhaul.drivers.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.longhaul.drivers.ClusterKind;
import io.longhaul.drivers.ClusterTarget;
import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.Drivers;
import io.longhaul.drivers.capability.MeshKubernetes;
import io.longhaul.drivers.capability.MetricsQuery;
import io.longhaul.drivers.transport.Heartbeat;
import io.longhaul.drivers.transport.http.HttpAuth;
import io.longhaul.lab.mesh.IdcSpec;
import io.longhaul.lab.mesh.MeshIdc;
import io.longhaul.lab.mesh.MeshLab;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The mesh's Kubernetes capability (fabric8) and Prometheus queries against the lab mesh. */
@DisplayName("Mesh Kubernetes and Prometheus against the lab")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeshKubernetesLabTest {
  MeshLab lab;
  MeshIdc idc;
  Drivers drivers;

  @BeforeAll
  void start() throws Exception {
    lab = MeshLab.start(List.of(IdcSpec.small("kdc")), Files.createTempDirectory("mesh-drv"));
    idc = lab.idc("kdc");
    drivers = LabSupport.drivers();
  }

  @AfterAll
  void stop() {
    drivers.close();
    lab.close();
  }

  MeshKubernetes k8s(String cluster) {
    return drivers.meshKubernetes(
        new ClusterTarget(cluster, ClusterKind.K8S, idc.clusters().get(cluster), null),
        new HttpAuth.Bearer("lab-token"),
        5000);
  }

  static void await(String what, java.util.function.BooleanSupplier holds)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!holds.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  @Test
  @DisplayName(
      "installs a revision, relabels and restarts a namespace onto it, moves the tag, retires")
  void canarySteps() throws InterruptedException {
    String remote = idc.remoteNames().get(0);
    try (MeshKubernetes primary = k8s(idc.primaryName());
        MeshKubernetes apps = k8s(remote)) {
      assertThat(apps.meshedNamespaces()).hasSize(5).containsEntry("shop-01", "prod-stable");
      assertThat(primary.tags()).containsEntry("prod-stable", "1-24-2");
      assertThat(primary.istiodReady("9-9-9")).isEqualTo(-1);
      primary.applyIstiod("1-25-0", "1.25.0", 1);
      primary.applyIstiod("1-25-0", "1.25.0", 1); // again: kept as it is
      await("canary ready", () -> primary.istiodReady("1-25-0") == 1);
      apps.labelNamespace("shop-02", "1-25-0");
      apps.restartDeployments("shop-02", "change-1:restart:shop-02");
      await("pods on the canary", () -> apps.podsByRevision("shop-02").containsKey("1-25-0"));
      assertThat(apps.podsByRevision("shop-02")).containsOnlyKeys("1-25-0");
      int changes = idc.requestLogSize(remote);
      apps.restartDeployments("shop-02", "change-1:restart:shop-02"); // same key: no second rollout
      assertThat(idc.requestLogSize(remote)).isEqualTo(changes);
      primary.setTag("prod-stable", "1-25-0");
      assertThat(primary.tags()).containsEntry("prod-stable", "1-25-0");
      assertThat(idc.tags()).containsEntry("prod-stable", "1-25-0");
      apps.restartDeployments("shop-03", "change-1:restart:shop-03");
      await(
          "a follower of the tag on the canary",
          () -> apps.podsByRevision("shop-03").containsKey("1-25-0"));
      primary.setTag("prod-stable", "1-24-2");
      primary.deleteIstiod("1-25-0");
      assertThat(primary.istiodReady("1-25-0")).isEqualTo(-1);
    }
  }

  @Test
  @DisplayName("an API answering 503 is unreachable; a bad name never leaves the driver")
  void failures() {
    String remote = idc.remoteNames().get(1);
    try (MeshKubernetes apps = k8s(remote)) {
      assertThatThrownBy(() -> apps.labelNamespace("Shop 1", "x"))
          .isInstanceOf(DeviceException.InvalidParameter.class);
      idc.setClusterDown(remote, true);
      assertThatThrownBy(apps::meshedNamespaces).isInstanceOf(DeviceException.Unreachable.class);
    } finally {
      idc.setClusterDown(remote, false);
    }
  }

  @Test
  @DisplayName(
      "PromQL over the real Prometheus: Istio's request rate per revision, a range of samples")
  void prometheus() throws InterruptedException {
    assumeTrue(lab.prometheus("kdc") != null, "Debian's prometheus is not installed");
    MetricsQuery prom =
        drivers.metrics(
            new ClusterTarget(
                "kdc-prometheus", ClusterKind.PROMETHEUS, lab.prometheus("kdc"), null),
            new HttpAuth.None(),
            Heartbeat.NONE);
    String q = "sum by (revision) (rate(istio_requests_total{idc=\"kdc\"}[5s]))";
    await("samples", () -> !prom.instant(q, Instant.now()).isEmpty());
    List<MetricsQuery.Series> now = prom.instant(q, Instant.now());
    assertThat(now.getFirst().labels()).containsKey("revision");
    assertThat(now.getFirst().values()[0]).isPositive();
    Instant end = Instant.now();
    var range = prom.range(q, end.minusSeconds(3), end, Duration.ofSeconds(1));
    assertThat(range.getFirst().values().length).isBetween(1, 4);
    assertThatThrownBy(() -> prom.instant("sum(", Instant.now()))
        .isInstanceOf(DeviceException.class);
  }
}
