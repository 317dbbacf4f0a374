package io.longhaul.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.longhaul.api.run.RunReconciler;
import io.longhaul.db.run.RunRepository;
import io.longhaul.server.echo.EchoOperation;
import io.longhaul.server.echo.EchoWorkflow;
import io.longhaul.server.support.ApiClient;
import io.longhaul.server.support.ServerTestBase;
import io.longhaul.workers.WorkerRuntime;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DisplayName("Runs through the REST API")
class RunsEndToEndTest extends ServerTestBase {
  @Autowired WorkerRuntime workers;
  @Autowired WorkflowClient temporal;
  @Autowired RunRepository runRepository;
  ApiClient admin;

  @BeforeEach
  void client() {
    admin = admin();
  }

  ApiClient.Response start(Map<String, Object> params, String key) {
    var body = new java.util.HashMap<String, Object>();
    body.put("operation", EchoOperation.NAME);
    body.put("params", params);
    body.put("reason", "end-to-end test");
    if (key != null) {
      body.put("idempotencyKey", key);
    }
    return admin.post("/api/v1/runs", body);
  }

  JsonNode awaitRun(String id, Predicate<JsonNode> done) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      JsonNode run = admin.get("/api/v1/runs/" + id).body();
      if (done.test(run)) {
        return run;
      }
      sleep(100);
    }
    throw new AssertionError(
        "run " + id + " did not get there: " + admin.get("/api/v1/runs/" + id).raw());
  }

  /** Starts a run whose workflow waits for a signal after its first step has been recorded. */
  String startParkedRun(String message) {
    String id =
        start(Map.of("message", message, "steps", 1, "waitForSignal", true), null)
            .body()
            .path("id")
            .asText();
    awaitRun(id, run -> run.path("steps").size() >= 2);
    return id;
  }

  static Predicate<JsonNode> status(String s) {
    return run -> s.equals(run.path("status").asText());
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  @DisplayName("lists the operation with its parameter schema")
  void catalog() {
    JsonNode ops = admin.get("/api/v1/operations").body();
    JsonNode echo = null;
    for (JsonNode op : ops) {
      if (op.path("name").asText().equals(EchoOperation.NAME)) {
        echo = op;
      }
    }
    assertThat(echo).isNotNull();
    assertThat(echo.path("schema").path("required").get(0).asText()).isEqualTo("message");
  }

  @Test
  @DisplayName("a started run reaches succeeded with its step events")
  void succeeds() {
    var started = start(Map.of("message", "hello", "steps", 3, "site", "sha"), null);
    assertThat(started.status()).isEqualTo(202);
    String id = started.body().path("id").asText();
    JsonNode run = awaitRun(id, status("succeeded"));
    assertThat(run.path("siteCode").asText()).isEqualTo("sha");
    assertThat(run.path("requestedBy").asText()).isEqualTo("admin");
    JsonNode steps = run.path("steps");
    assertThat(steps).hasSize(8); // 3 echoes + final, each started and succeeded
    assertThat(steps.get(0).path("kind").asText()).isEqualTo("started");
    assertThat(steps.get(7).path("step").asText()).isEqualTo("final");
    assertThat(steps.get(7).path("kind").asText()).isEqualTo("succeeded");
  }

  @Test
  @DisplayName(
      "a run whose step fails, and that nobody answers in time, ends failed with the error")
  void fails() {
    String id =
        start(
                Map.of(
                    "message",
                    "hello",
                    "steps",
                    1,
                    "failWith",
                    "leaf1 did not take vlan 100",
                    "giveUpAfterSeconds",
                    1),
                null)
            .body()
            .path("id")
            .asText();
    JsonNode run = awaitRun(id, status("failed"));
    assertThat(run.path("errorType").asText()).isEqualTo("VerificationFailed");
    assertThat(run.path("errorMessage").asText()).isEqualTo("leaf1 did not take vlan 100");
    JsonNode failed = null;
    for (JsonNode step : run.path("steps")) {
      if (step.path("kind").asText().equals("failed")) {
        failed = step;
      }
    }
    assertThat(failed).isNotNull();
    assertThat(failed.path("step").asText()).isEqualTo("final");
    assertThat(failed.path("errorType").asText()).isEqualTo("VerificationFailed");
  }

  @Test
  @DisplayName("a double submit with one idempotency key returns the same run")
  void idempotent() {
    String key = UUID.randomUUID().toString();
    var first = start(Map.of("message", "once"), key);
    var second = start(Map.of("message", "once"), key);
    assertThat(first.status()).isEqualTo(202);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.body().path("id").asText()).isEqualTo(first.body().path("id").asText());
    var different = start(Map.of("message", "other"), key);
    assertThat(different.status()).isEqualTo(409);
    assertThat(different.body().path("errors").get(0).path("field").asText())
        .isEqualTo("idempotencyKey");
  }

  @Nested
  @DisplayName("bad input")
  class BadInput {
    @Test
    @DisplayName("params that break the schema get 400 naming the field, and start nothing")
    void schema() {
      String before = admin.get("/api/v1/runs?limit=500").raw();
      var r = start(Map.of("message", "", "steps", 99, "colour", "red"), null);
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.body().path("errors").findValuesAsText("field"))
          .contains("params.message", "params.steps");
      assertThat(admin.get("/api/v1/runs?limit=500").raw()).isEqualTo(before);
    }

    @Test
    @DisplayName("a missing required param is named")
    void missing() {
      var r = start(Map.of("steps", 1), null);
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.body().path("errors").findValuesAsText("field")).contains("params.message");
    }

    @Test
    @DisplayName("an unknown operation, a missing reason and malformed JSON are refused")
    void shape() {
      var unknown =
          admin.post(
              "/api/v1/runs", Map.of("operation", "nope", "params", Map.of(), "reason", "x"));
      assertThat(unknown.status()).isEqualTo(400);
      assertThat(unknown.body().path("errors").get(0).path("field").asText())
          .isEqualTo("operation");
      var noReason =
          admin.post("/api/v1/runs", Map.of("operation", EchoOperation.NAME, "params", Map.of()));
      assertThat(noReason.body().path("errors").findValuesAsText("field")).contains("reason");
      assertThat(admin.post("/api/v1/runs", "{not json").status()).isEqualTo(400);
    }
  }

  @Test
  @DisplayName("a run in flight survives a restart of the worker role and finishes")
  void survivesWorkerRestart() {
    String id = startParkedRun("slow");
    workers.stop();
    temporal.newWorkflowStub(EchoWorkflow.class, id).proceed();
    sleep(500);
    assertThat(admin.get("/api/v1/runs/" + id).body().path("status").asText()).isEqualTo("running");
    workers.start();
    awaitRun(id, status("succeeded"));
  }

  @Test
  @DisplayName("the reconciler repairs a record whose workflow was terminated behind its back")
  void reconciles() {
    String id = startParkedRun("x");
    temporal.newUntypedWorkflowStub(id).terminate("operator pulled the plug");
    var quick = new RunReconciler(runRepository, temporal, Duration.ZERO);
    assertThat(quick.reconcile()).isGreaterThanOrEqualTo(1);
    assertThat(admin.get("/api/v1/runs/" + id).body().path("status").asText())
        .isEqualTo("terminated");
  }

  @Test
  @DisplayName("cancel asks the workflow to stop and the run ends cancelled")
  void cancels() {
    String id = startParkedRun("x");
    assertThat(
            admin.post("/api/v1/runs/" + id + "/cancel", Map.of("reason", "wrong rack")).status())
        .isEqualTo(202);
    awaitRun(id, status("cancelled"));
    assertThat(admin.post("/api/v1/runs/" + id + "/cancel", Map.of()).status()).isEqualTo(409);
  }

  @Test
  @DisplayName("runs list newest first, filter by status and page with a cursor")
  void lists() {
    for (int i = 0; i < 3; i++) {
      start(Map.of("message", "list-" + i, "steps", 1, "site", "lst"), null);
    }
    JsonNode page = admin.get("/api/v1/runs?site=lst&limit=2").body();
    assertThat(page.path("items")).hasSize(2);
    String next = page.path("next").asText();
    JsonNode rest = admin.get("/api/v1/runs?site=lst&limit=2&cursor=" + next).body();
    assertThat(rest.path("items")).hasSize(1);
    assertThat(admin.get("/api/v1/runs?status=bogus").status()).isEqualTo(400);
    assertThat(admin.get("/api/v1/runs?cursor=bogus").status()).isEqualTo(400);
  }
}
