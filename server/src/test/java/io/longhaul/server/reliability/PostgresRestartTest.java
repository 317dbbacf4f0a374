package io.longhaul.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.longhaul.server.echo.EchoWorkflow;
import io.longhaul.server.support.ApiClient;
import io.longhaul.server.support.ServerTestBase;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * PostgreSQL restarted under running runs. It restarts the machine's PostgreSQL server, so it runs
 * where the suite may do that: as root with {@code pg_ctlcluster} (CI, {@code .ci/run}, runs
 * alone). On a machine whose PostgreSQL other builds share, skip it with {@code
 * -Dlonghaul.reliability.postgres-restart=false}. It shares the context of {@code
 * ReconcilerPassTest} (a pass every 2 s), so the scheduled reconciler runs through the restart too.
 */
@Tag("reliability")
@EnabledIf("canRestartPostgres")
@TestPropertySource(
    properties = {"longhaul.reconciler.every=PT2S", "longhaul.reconciler.quiet-for=PT1S"})
@DisplayName("PostgreSQL restarted mid-run")
class PostgresRestartTest extends ServerTestBase {
  static final int RUNS = 10;
  static final Set<String> ENDED =
      Set.of("succeeded", "failed", "cancelled", "terminated", "timed_out", "aborted");

  @Autowired WorkflowClient temporal;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  @DisplayName("runs continue after the restart; no journal event is lost or recorded twice")
  void restartUnderRuns() throws Exception {
    ApiClient admin = admin();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      var body = new HashMap<String, Object>();
      body.put("operation", "test-echo");
      body.put(
          "params",
          Map.of("message", "hi", "steps", 3, "prefix", "pg" + i + "-", "waitForSignal", true));
      body.put("reason", "postgres restart");
      var r = admin.post("/api/v1/runs", body);
      assertThat(r.status()).as(r.raw()).isEqualTo(202);
      ids.add(r.body().path("id").asText());
    }
    for (String id : ids) {
      // Its three echo steps done, the run waits for the signal.
      await(admin, id, r -> succeededSteps(r) == 3);
    }
    Instant restartAt = Instant.now();
    Process restart =
        new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "restart")
            .inheritIO()
            .start();
    // While PostgreSQL is down, the runs go on: their next steps' bookkeeping waits and retries.
    for (String id : ids) {
      temporal.newWorkflowStub(EchoWorkflow.class, id).proceed();
    }
    assertThat(restart.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(restart.exitValue()).as("pg_ctlcluster restart").isZero();
    Duration down = Duration.between(restartAt, Instant.now());
    for (String id : ids) {
      JsonNode run = await(admin, id, r -> ENDED.contains(r.path("status").asText()));
      assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
      List<Integer> seqs = new ArrayList<>();
      List<String> kinds = new ArrayList<>();
      run.path("steps")
          .forEach(
              e -> {
                seqs.add(e.path("seq").asInt());
                kinds.add(
                    e.path("step").asText()
                        + "@"
                        + e.path("target").asText()
                        + ":"
                        + e.path("kind").asText());
              });
      assertThat(seqs).as("event numbers of " + id).doesNotHaveDuplicates();
      for (int s = 0; s < seqs.size(); s++) {
        assertThat(seqs.get(s)).as("no event lost in " + id).isEqualTo(s);
      }
      assertThat(kinds).as("each event once").doesNotHaveDuplicates();
    }
    Duration settled = Duration.between(restartAt, Instant.now());
    String figures =
        "postgres restart: "
            + RUNS
            + " runs, "
            + RUNS
            + " succeeded, restart took "
            + down.toMillis()
            + " ms, all ended (and checked) "
            + settled.toMillis()
            + " ms after it began\n";
    System.out.print(figures);
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/reliability"));
    java.nio.file.Files.writeString(
        java.nio.file.Path.of("target/reliability/postgres-restart.txt"), figures);
  }

  static boolean canRestartPostgres() {
    if ("false".equals(System.getProperty("longhaul.reliability.postgres-restart"))) {
      return false;
    }
    boolean root = "root".equals(System.getProperty("user.name"));
    boolean tool =
        java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/pg_ctlcluster"));
    return root && tool;
  }

  private static long succeededSteps(JsonNode run) {
    long n = 0;
    for (JsonNode e : run.path("steps")) {
      if (e.path("kind").asText().equals("succeeded")) {
        n++;
      }
    }
    return n;
  }

  private static JsonNode await(
      ApiClient admin, String id, java.util.function.Predicate<JsonNode> done) {
    Instant deadline = Instant.now().plusSeconds(120);
    JsonNode run = null;
    while (Instant.now().isBefore(deadline)) {
      try {
        var r = admin.get("/api/v1/runs/" + id);
        run = r.body();
        if (r.status() == 200 && done.test(run)) {
          return run;
        }
      } catch (RuntimeException e) {
        // the API answers 5xx while its database restarts
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("run " + id + " did not get there: " + run);
  }
}
