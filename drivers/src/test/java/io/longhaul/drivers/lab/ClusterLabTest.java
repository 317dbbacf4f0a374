package io.longhaul.drivers.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.Drivers;
import io.longhaul.drivers.capability.ClusterApi;
import io.longhaul.drivers.transport.Heartbeat;
import io.longhaul.drivers.transport.http.HttpAuth;
import io.longhaul.lab.fault.Fault;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The cluster capability against the lab's mesh control plane, over HTTPS with its CA. */
@DisplayName("A cluster's API against the lab")
class ClusterLabTest {
  static final String MESH = "sha-mesh";
  static final ObjectMapper JSON = new ObjectMapper();
  static Drivers drivers;

  @BeforeAll
  static void open() {
    drivers = LabSupport.drivers();
  }

  @AfterAll
  static void close() {
    drivers.close();
  }

  @AfterEach
  void clearFaults() {
    LabSupport.lab().faults().clear(MESH);
    LabSupport.lab().meshControlPlane(MESH).setHealthy(true);
  }

  ClusterApi mesh() {
    return drivers.cluster(
        LabSupport.clusterTarget(MESH), LabSupport.clusterAuth(), Heartbeat.NONE);
  }

  @Test
  @DisplayName("probes the version and health, and sees the control plane degrade")
  void probe() {
    var health = mesh().probe();
    assertThat(health.version()).isEqualTo("1.24.2");
    assertThat(health.healthy()).isTrue();
    assertThat(health.detail()).isEqualTo("ok");
    LabSupport.lab().meshControlPlane(MESH).setHealthy(false);
    assertThat(mesh().probe().healthy()).isFalse();
    assertThat(mesh().probe().detail()).isEqualTo("degraded");
  }

  @Test
  @DisplayName("puts, reads and deletes a revision with the JSON primitives")
  void jsonPrimitives() throws Exception {
    var put = mesh().put("/v1/revisions/canary-1", JSON.readTree("{\"version\":\"1.25.0\"}"));
    assertThat(put.path("version").asText()).isEqualTo("1.25.0");
    assertThat(mesh().get("/v1/revisions").path("revisions").findValuesAsText("name"))
        .containsExactly("canary-1", "default");
    assertThat(mesh().delete("/v1/revisions/canary-1").path("deleted").asText())
        .isEqualTo("canary-1");
    assertThatThrownBy(() -> mesh().delete("/v1/revisions/default"))
        .isInstanceOfSatisfying(
            DeviceException.CommandRejected.class,
            e -> assertThat(e.output()).contains("409", "serves the mesh"));
  }

  @Test
  @DisplayName("turns the lab's faults into typed failures")
  void faults() {
    var lab = LabSupport.lab();
    lab.faults().inject(MESH, new Fault.AuthRefused());
    assertThatThrownBy(() -> mesh().probe())
        .isInstanceOf(DeviceException.AuthenticationFailed.class);
    lab.faults().clear(MESH);

    lab.faults().inject(MESH, new Fault.Garbage());
    assertThatThrownBy(() -> mesh().probe())
        .isInstanceOfSatisfying(
            DeviceException.VerificationFailed.class,
            e -> assertThat(e.getMessage()).contains("not JSON"));
    lab.faults().clear(MESH);

    lab.faults().inject(MESH, new Fault.CommandFails("GET /healthz"));
    assertThatThrownBy(() -> mesh().probe())
        .isInstanceOfSatisfying(
            DeviceException.Unreachable.class,
            e -> assertThat(e.command()).isEqualTo("GET /healthz"));
    lab.faults().clear(MESH);

    lab.faults().inject(MESH, new Fault.DropMidCommand());
    assertThatThrownBy(() -> mesh().probe()).isInstanceOf(DeviceException.Unreachable.class);
    lab.faults().clear(MESH);

    lab.faults().inject(MESH, new Fault.Down());
    assertThatThrownBy(() -> mesh().probe()).isInstanceOf(DeviceException.Unreachable.class);
    lab.faults().clear(MESH);

    lab.faults().inject(MESH, new Fault.Hang());
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> mesh().probe()).isInstanceOf(DeviceException.TimedOut.class);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  @DisplayName("is refused with the wrong token, and pays the injected latency")
  void tokenAndLatency() {
    var wrong = drivers.cluster(LabSupport.clusterTarget(MESH), new HttpAuth.Bearer("nope"), null);
    assertThatThrownBy(wrong::probe).isInstanceOf(DeviceException.AuthenticationFailed.class);
    LabSupport.lab().faults().inject(MESH, new Fault.Latency(Duration.ofMillis(300)));
    long t0 = System.nanoTime();
    mesh().get("/version");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThan(Duration.ofMillis(290));
  }
}
