package io.longhaul.server.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.longhaul.server.echo.EchoActivitiesImpl;
import io.longhaul.server.echo.EchoDatabaseActivitiesImpl;
import io.longhaul.server.echo.EchoWorkflow;
import io.temporal.client.WorkflowClient;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DisplayName("Runs always end")
class RunsAlwaysEndTest extends ControlTestBase {
  @Autowired EchoActivitiesImpl lab;
  @Autowired EchoDatabaseActivitiesImpl database;
  @Autowired DataSource dataSource;
  @Autowired WorkflowClient temporal;

  @Test
  @DisplayName(
      "the journal's bookkeeping is retried while its database statements time out (a row lock"
          + " held past the 10 s attempt timeout), and the run goes on")
  void bookkeepingRetried() throws Exception {
    String prefix = unique();
    String id =
        startEcho(
            operator, Map.of("message", "hi", "steps", 1, "prefix", prefix, "waitForSignal", true));
    awaitRun(id, r -> kinds(r, prefix + "0").contains("succeeded"));
    try (Connection holder = dataSource.getConnection()) {
      holder.setAutoCommit(false);
      holder.createStatement().execute("select 1 from run where id = '" + id + "' for update");
      temporal.newWorkflowStub(EchoWorkflow.class, id).proceed();
      sleep(13_000);
      holder.rollback();
    }
    JsonNode done = awaitRun(id, status("succeeded"));
    assertThat(done.path("status").asText()).isEqualTo("succeeded");
  }

  @Test
  @DisplayName(
      "a check constraint refusing a local activity's insert parks the step at once, and abort"
          + " ends the run with its undo")
  void refusedStatementParks() {
    String prefix = unique();
    int before = database.attempts.get();
    String id =
        startEcho(
            operator,
            Map.of(
                "message",
                "hi",
                "steps",
                1,
                "prefix",
                prefix,
                "compensate",
                true,
                "databaseStep",
                "refuse"));
    JsonNode run = awaitRun(id, status("needs_attention"));
    JsonNode pending = run.path("pending").get(0);
    assertThat(pending.path("step").asText()).isEqualTo("record");
    assertThat(pending.path("errorType").asText()).isEqualTo("DatabaseRefused");
    assertThat(pending.path("errorMessage").asText())
        .contains("run_event_kind_check")
        .doesNotContain("Failing row");
    assertThat(database.attempts.get() - before).as("attempts of the refused insert").isEqualTo(1);

    var abort =
        operator.post("/api/v1/runs/" + id + "/abort", Map.of("reason", "the insert is wrong"));
    assertThat(abort.status()).as(abort.raw()).isEqualTo(202);
    awaitRun(id, status("aborted"));
    assertThat(lab.undoneOn(prefix + "0")).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "cancel of a run whose database step is being retried ends it within seconds, undone")
  void cancelWhileRetrying() throws Exception {
    String prefix = unique();
    try (Connection holder = dataSource.getConnection()) {
      holder.setAutoCommit(false);
      holder
          .createStatement()
          .execute("select 1 from app_user where username = '" + VIEWER + "' for update");
      int before = database.attempts.get();
      String id =
          startEcho(
              operator,
              Map.of(
                  "message",
                  "hi",
                  "steps",
                  1,
                  "prefix",
                  prefix,
                  "compensate",
                  true,
                  "databaseStep",
                  "locked:" + VIEWER));
      Instant deadline = Instant.now().plusSeconds(20);
      while (database.attempts.get() - before < 2 && Instant.now().isBefore(deadline)) {
        sleep(100);
      }
      assertThat(database.attempts.get() - before).as("retried while locked").isGreaterThan(1);
      assertThat(get(id).path("status").asText()).isEqualTo("running");

      Instant asked = Instant.now();
      var cancel = operator.post("/api/v1/runs/" + id + "/cancel", Map.of("reason", "stop it"));
      assertThat(cancel.status()).as(cancel.raw()).isEqualTo(202);
      awaitRun(id, status("cancelled"));
      assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(20));
      assertThat(lab.undoneOn(prefix + "0")).isEqualTo(1);
      holder.rollback();
    }
  }
}
