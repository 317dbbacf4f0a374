package io.longhaul.server.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.longhaul.db.testing.TestDatabase;
import io.longhaul.server.LonghaulApplication;
import io.longhaul.server.support.ApiClient;
import io.longhaul.server.support.LoopbackProxy;
import io.longhaul.server.temporal.EmbeddedTemporalServer;
import io.longhaul.workers.WorkerRuntime;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Readiness against a PostgreSQL and a Temporal that go away and come back. Neither server is
 * touched (the machine's PostgreSQL is shared): the application reaches each through a loopback
 * proxy the test cuts, as a partition would, and restores. Liveness stays UP throughout.
 */
@SpringBootTest(
    classes = LonghaulApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "longhaul.temporal.mode=external",
      "LONGHAUL_ADMIN_PASSWORD=test-admin-password",
      "longhaul.reconciler.every=PT1H",
      "longhaul.lab.enabled=false",
      "spring.datasource.hikari.maximum-pool-size=3",
      // a probe must answer in seconds, not wait out Hikari's default 30 s for a connection
      "spring.datasource.hikari.connection-timeout=1500",
      "longhaul.health.temporal-timeout=PT1S"
    })
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Readiness")
class ReadinessTest {
  static final EmbeddedTemporalServer TEMPORAL = new EmbeddedTemporalServer("127.0.0.1", 0);
  static final LoopbackProxy TEMPORAL_LINK = new LoopbackProxy(TEMPORAL.port());
  static LoopbackProxy database;

  @LocalServerPort int port;
  @Autowired WorkerRuntime workers;

  @DynamicPropertySource
  static void links(DynamicPropertyRegistry registry) {
    String url = TestDatabase.create();
    URI direct = URI.create(url.substring("jdbc:".length()));
    database = new LoopbackProxy(direct.getPort());
    String proxied = url.replace(":" + direct.getPort() + "/", ":" + database.port() + "/");
    registry.add("spring.datasource.url", () -> proxied);
    registry.add("spring.datasource.username", TestDatabase::user);
    registry.add("spring.datasource.password", TestDatabase::password);
    registry.add(
        "longhaul.credentials.key", () -> Base64.getEncoder().encodeToString(new byte[32]));
    registry.add("longhaul.temporal.target", () -> "127.0.0.1:" + TEMPORAL_LINK.port());
    registry.add(
        "longhaul.audit.checkpoint-dir",
        () -> System.getProperty("java.io.tmpdir") + "/longhaul-test-audit");
  }

  @AfterAll
  static void close() {
    database.close();
    TEMPORAL_LINK.close();
    TEMPORAL.close();
  }

  JsonNode probe(String which) {
    return ApiClient.anonymous(port).get("/actuator/health/" + which).body();
  }

  /** Readiness once it reports {@code status}, polling: health is checked when asked. */
  JsonNode awaitReadiness(String status) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    JsonNode r = probe("readiness");
    while (!r.path("status").asText().equals(status) && Instant.now().isBefore(deadline)) {
      sleep();
      r = probe("readiness");
    }
    assertThat(r.path("status").asText()).as(r.toString()).isEqualTo(status);
    return r;
  }

  @Test
  @Order(1)
  @DisplayName("is UP with PostgreSQL, Temporal and the workers' pollers")
  void up() {
    JsonNode r = awaitReadiness("UP");
    assertThat(r.path("components").path("db").path("status").asText()).isEqualTo("UP");
    assertThat(r.path("components").path("temporal").path("status").asText()).isEqualTo("UP");
    assertThat(r.path("components").path("workers").path("status").asText()).isEqualTo("UP");
    assertThat(probe("liveness").path("status").asText()).isEqualTo("UP");
  }

  @Test
  @Order(2)
  @DisplayName("goes DOWN naming Temporal when Temporal is unreachable, and back")
  void temporalAway() {
    TEMPORAL_LINK.cut();
    try {
      JsonNode r = awaitReadiness("DOWN");
      assertThat(r.path("components").path("temporal").path("status").asText()).isEqualTo("DOWN");
      assertThat(r.path("components").path("db").path("status").asText()).isEqualTo("UP");
      assertThat(probe("liveness").path("status").asText()).isEqualTo("UP");
    } finally {
      TEMPORAL_LINK.restore();
    }
    awaitReadiness("UP");
  }

  @Test
  @Order(3)
  @DisplayName("goes DOWN naming the database when PostgreSQL is unreachable, and back")
  void databaseAway() {
    database.cut();
    try {
      JsonNode r = awaitReadiness("DOWN");
      assertThat(r.path("components").path("db").path("status").asText()).isEqualTo("DOWN");
      assertThat(probe("liveness").path("status").asText()).isEqualTo("UP");
    } finally {
      database.restore();
    }
    awaitReadiness("UP");
  }

  @Test
  @Order(4)
  @DisplayName("goes DOWN naming the workers when they stop polling, and back")
  void workersStopped() {
    workers.stop();
    try {
      JsonNode r = awaitReadiness("DOWN");
      assertThat(r.path("components").path("workers").path("status").asText()).isEqualTo("DOWN");
    } finally {
      workers.start();
    }
    awaitReadiness("UP");
  }

  static void sleep() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
