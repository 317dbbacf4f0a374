package io.longhaul.server.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.api.security.ApiTokens;
import io.longhaul.db.security.ApiTokenRepository;
import io.longhaul.db.security.UserRepository;
import io.longhaul.db.testing.TestDatabase;
import io.longhaul.server.LonghaulApplication;
import io.longhaul.workers.WorkerRuntime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A worker-only process (no HTTP of its own) shows its metrics and probes on its listener. */
@SpringBootTest(
    classes = LonghaulApplication.class,
    properties = {
      "longhaul.roles=worker",
      "longhaul.temporal.embedded-port=0",
      "longhaul.lab.enabled=false",
      "longhaul.worker.metrics-port=0",
      "spring.datasource.hikari.maximum-pool-size=3"
    })
@DirtiesContext
@DisplayName("A worker-only process's listener")
class WorkerListenerTest {
  @Autowired WorkerListener listener;
  @Autowired WorkerRuntime workers;
  @Autowired UserRepository users;
  @Autowired ApiTokenRepository tokens;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    String url = TestDatabase.create();
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", TestDatabase::user);
    registry.add("spring.datasource.password", TestDatabase::password);
    registry.add(
        "longhaul.credentials.key", () -> Base64.getEncoder().encodeToString(new byte[32]));
    registry.add(
        "longhaul.audit.checkpoint-dir",
        () -> System.getProperty("java.io.tmpdir") + "/longhaul-test-audit");
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port() + path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName("serves metrics to a token only, and readiness that follows the pollers")
  void metricsAndProbes() throws Exception {
    var viewer = users.create("worker-scraper", "{noop}unused-password-1", "viewer");
    String secret = "worker-listener-test-token-" + System.nanoTime();
    tokens.create(
        viewer.id(), "prometheus", ApiTokens.sha256(secret), OffsetDateTime.now().plusDays(1));

    assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
    assertThat(get("/actuator/prometheus", "not-a-token").statusCode()).isEqualTo(401);
    var scrape = get("/actuator/prometheus", secret);
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.body()).contains("longhaul_ssh_sessions", "jvm_memory_used_bytes");

    assertThat(get("/actuator/health/liveness", null).body()).contains("\"UP\"");
    var ready = get("/actuator/health/readiness", null);
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    assertThat(ready.body()).contains("\"workers\":{\"status\":\"UP\"}");
    workers.stop();
    try {
      var down = get("/actuator/health/readiness", null);
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body()).contains("\"workers\":{\"status\":\"DOWN\"}");
    } finally {
      workers.start();
    }
    assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
  }
}
