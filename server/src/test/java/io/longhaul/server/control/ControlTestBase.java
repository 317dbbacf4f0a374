package io.longhaul.server.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.longhaul.db.security.UserRepository;
import io.longhaul.server.support.ApiClient;
import io.longhaul.server.support.ServerTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Users of every role for operator-control tests, and helpers to wait on runs via the API. */
abstract class ControlTestBase extends ServerTestBase {
  static final String PASSWORD = "a-long-control-password";
  static final String OPERATOR = "ctl-operator";
  static final String APPROVER_A = "ctl-approver-a";
  static final String APPROVER_B = "ctl-approver-b";
  static final String VIEWER = "ctl-viewer";

  @Autowired UserRepository users;
  @Autowired PasswordEncoder encoder;
  ApiClient operator;
  ApiClient approverA;
  ApiClient approverB;
  ApiClient viewer;

  @BeforeEach
  void clients() {
    user(OPERATOR, "operator");
    user(APPROVER_A, "approver");
    user(APPROVER_B, "approver");
    user(VIEWER, "viewer");
    operator = ApiClient.basic(port, OPERATOR, PASSWORD);
    approverA = ApiClient.basic(port, APPROVER_A, PASSWORD);
    approverB = ApiClient.basic(port, APPROVER_B, PASSWORD);
    viewer = ApiClient.basic(port, VIEWER, PASSWORD);
  }

  private void user(String name, String role) {
    if (!users.exists(name)) {
      users.create(name, encoder.encode(PASSWORD), role);
    }
  }

  JsonNode get(String id) {
    return admin().get("/api/v1/runs/" + id).body();
  }

  JsonNode awaitRun(String id, Predicate<JsonNode> done) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      JsonNode run = get(id);
      if (run != null && run.has("status") && done.test(run)) {
        return run;
      }
      sleep(100);
    }
    throw new AssertionError(
        "run " + id + " did not get there: " + admin().get("/api/v1/runs/" + id).raw());
  }

  static Predicate<JsonNode> status(String s) {
    return run -> s.equals(run.path("status").asText());
  }

  /** The kinds of events of one target's steps, in order. */
  static List<String> kinds(JsonNode run, String target) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : run.path("steps")) {
      if (target.equals(e.path("target").asText())
          && !e.path("kind").asText().startsWith("compensat")) {
        out.add(e.path("kind").asText());
      }
    }
    return out;
  }

  static String pendingStep(JsonNode run) {
    JsonNode pending = run.path("pending");
    return pending.isArray() && !pending.isEmpty() ? pending.get(0).path("step").asText() : "";
  }

  /** The newest audit entry of an action on a run, or null. */
  JsonNode audited(String action, String runId) {
    for (JsonNode e : admin().get("/api/v1/audit?limit=1000").body()) {
      if (e.path("action").asText().equals(action)
          && e.path("target").asText().equals("run:" + runId)) {
        return e;
      }
    }
    return null;
  }

  String startEcho(ApiClient as, Map<String, Object> params) {
    var body = new HashMap<String, Object>();
    body.put("operation", "test-echo");
    body.put("params", params);
    body.put("reason", "operator control test");
    var r = as.post("/api/v1/runs", body);
    assertThat(r.status()).as(r.raw()).isEqualTo(202);
    return r.body().path("id").asText();
  }

  static String unique() {
    return "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
