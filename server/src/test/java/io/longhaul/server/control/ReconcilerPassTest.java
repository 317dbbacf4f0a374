package io.longhaul.server.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.longhaul.api.run.ReconcilerProperties;
import io.longhaul.server.support.ApiClient;
import io.longhaul.server.support.ServerTestBase;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The periodic reconciler, as the process schedules it (nothing here calls it): a run terminated in
 * Temporal behind the API's back is settled by the next pass. The pass is shortened to 2 s over
 * runs quiet for 1 s so the test is short; {@code PostgresRestartTest} shares this context.
 */
@TestPropertySource(
    properties = {"longhaul.reconciler.every=PT2S", "longhaul.reconciler.quiet-for=PT1S"})
@DisplayName("Periodic reconciler")
class ReconcilerPassTest extends ServerTestBase {
  @Autowired WorkflowClient temporal;
  @Autowired ReconcilerProperties props;

  @Test
  @DisplayName("a run terminated outside the API is settled by the next scheduled pass")
  void settlesTerminatedRun() {
    assertThat(props.every()).isEqualTo(Duration.ofSeconds(2));
    assertThat(props.settledWithin()).isEqualTo(Duration.ofSeconds(3));
    ApiClient admin = admin();
    var r =
        admin.post(
            "/api/v1/runs",
            Map.of(
                "operation",
                "test-echo",
                "params",
                Map.of("message", "pass", "steps", 1, "waitForSignal", true),
                "reason",
                "reconciler pass"));
    assertThat(r.status()).as(r.raw()).isEqualTo(202);
    String id = r.body().path("id").asText();
    await(admin, id, run -> run.path("steps").size() >= 2, Duration.ofSeconds(60));

    temporal.newUntypedWorkflowStub(id).terminate("pulled behind the API's back");

    // Generous bound (a loaded machine), far below anything but a scheduled pass: without one the
    // record stays running forever.
    JsonNode run =
        await(
            admin,
            id,
            x -> !x.path("status").asText().equals("running"),
            props.settledWithin().multipliedBy(20));
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("terminated");
    assertThat(run.toString()).contains("reconciled from Temporal");
  }

  static JsonNode await(ApiClient admin, String id, Predicate<JsonNode> done, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    JsonNode run = null;
    while (Instant.now().isBefore(deadline)) {
      run = admin.get("/api/v1/runs/" + id).body();
      if (done.test(run)) {
        return run;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("run " + id + " did not get there in " + timeout + ": " + run);
  }
}
