package io.longhaul.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.longhaul.contracts.vocabulary.RunStatus;
import io.longhaul.lab.Lab;
import io.longhaul.server.LonghaulApplication;
import io.longhaul.server.lab.LabInventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole server with the demo lab, on a random port: embedded Temporal, a fresh database, the
 * lab's own state directory and known_hosts, admin password {@link #ADMIN_PASSWORD}. Each subclass
 * gets its own server and lab (cases of one class share them, in order) and frees them after; lab
 * faults are cleared after every case. Subclasses add properties with {@code @TestPropertySource}.
 */
@SpringBootTest(
    classes = LonghaulApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "longhaul.temporal.embedded-port=0",
      "LONGHAUL_ADMIN_PASSWORD=" + LabServerTestBase.ADMIN_PASSWORD,
      "longhaul.reconciler.every=PT1H",
      // Several test contexts share one PostgreSQL (max_connections 100).
      "spring.datasource.hikari.maximum-pool-size=5",
      "longhaul.lab.enabled=true"
    })
@DirtiesContext
public abstract class LabServerTestBase {
  public static final String ADMIN_PASSWORD = "test-admin-password";

  @LocalServerPort protected int port;
  @Autowired protected LabInventory labInventory;

  @DynamicPropertySource
  static void isolated(DynamicPropertyRegistry registry) throws IOException {
    ServerTestBase.freshDatabase(registry);
    Path dir = Files.createTempDirectory("longhaul-lab-test");
    registry.add("longhaul.lab.state-dir", () -> dir.resolve("lab").toString());
    registry.add("longhaul.ssh.known-hosts", () -> dir.resolve("known_hosts").toString());
  }

  protected ApiClient admin() {
    return ApiClient.basic(port, "admin", ADMIN_PASSWORD);
  }

  protected Lab lab() {
    return labInventory.runtime().lab();
  }

  @AfterEach
  void clearFaults() {
    lab().faults().clearAll();
  }

  /** Starts {@code operation} as admin through the API; returns the run id. */
  protected String start(String operation, Map<String, Object> params) {
    var r =
        admin()
            .post(
                "/api/v1/runs",
                Map.of("operation", operation, "params", params, "reason", "end-to-end test"));
    assertThat(r.status()).as(r.raw()).isEqualTo(202);
    return r.body().path("id").asText();
  }

  /** The run once it has ended or parks for an operator (needs attention, awaiting approval). */
  protected JsonNode awaitSettled(String id) {
    Set<RunStatus> moving = Set.of(RunStatus.PENDING, RunStatus.RUNNING, RunStatus.WAITING);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      JsonNode run = admin().get("/api/v1/runs/" + id).body();
      if (!moving.contains(RunStatus.of(run.path("status").asText()))) {
        return run;
      }
      sleep(100);
    }
    throw new AssertionError("run " + id + " did not settle: " + admin().get("/api/v1/runs/" + id));
  }

  protected static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
