package io.longhaul.server.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.longhaul.contracts.control.Decision;
import io.longhaul.contracts.control.DecisionKey;
import io.longhaul.contracts.control.OperatorControlled;
import io.longhaul.server.echo.EchoActivitiesImpl;
import io.longhaul.server.echo.EchoOperation;
import io.longhaul.server.temporal.EmbeddedTemporalServer;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who may decide a run, checked where the decision is applied: a decision that did not come through
 * the API is refused by the workflow itself, and no route (a schedule, a re-run, a bulk re-run)
 * turns a requester into an eligible approver of their own change.
 */
@DisplayName("Decisions are authorised where they are applied")
class DecisionAuthorityEndToEndTest extends ControlTestBase {
  @Autowired EmbeddedTemporalServer temporal;
  @Autowired EchoActivitiesImpl lab;

  @Nested
  @DisplayName("a client that reaches Temporal directly")
  class DirectUpdates {
    @Test
    @DisplayName("cannot approve, whatever it claims to be; the refusal is audited")
    void refused() throws Exception {
      String id = startEcho(approverA, approvalParams(unique()));
      awaitRun(id, status("awaiting_approval"));
      // Another process on the host, over the embedded server's TCP port, as the audit did.
      WorkflowServiceStubs stubs =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder()
                  .setTarget("127.0.0.1:" + temporal.port())
                  .build());
      try {
        WorkflowClient outsider = WorkflowClient.newInstance(stubs);
        Decision unsigned =
            Decision.unsigned("approve", "final", null, null, APPROVER_B, "trust me");
        assertThatThrownBy(
                () ->
                    outsider
                        .newUntypedWorkflowStub(id)
                        .update(OperatorControlled.DECIDE, String.class, unsigned))
            .isInstanceOf(WorkflowUpdateException.class)
            .hasStackTraceContaining("signature");
        byte[] guess = new byte[32];
        new SecureRandom().nextBytes(guess);
        Decision forged =
            new DecisionKey(guess).sign(id, unsigned, "admin", System.currentTimeMillis());
        assertThatThrownBy(
                () ->
                    outsider
                        .newUntypedWorkflowStub(id)
                        .update(OperatorControlled.DECIDE, String.class, forged))
            .isInstanceOf(WorkflowUpdateException.class);
      } finally {
        stubs.shutdownNow();
      }
      assertThat(get(id).path("status").asText()).isEqualTo("awaiting_approval");
      JsonNode refusal = awaitAudit("run.approve.refused", id);
      assertThat(refusal.path("actor").asText()).isEqualTo("unverified:" + APPROVER_B);
      assertThat(refusal.path("detail").toString()).contains("temporal", "signature");
      // The API's own path still works: it signs.
      assertThat(approverB.post("/api/v1/runs/" + id + "/approve", reason()).status())
          .isEqualTo(202);
      awaitRun(id, status("succeeded"));
    }
  }

  @Nested
  @DisplayName("separation of duties cannot be laundered")
  class Laundering {
    @Test
    @DisplayName("through a schedule: its run is requested by the schedule's owner")
    void schedule() {
      String name = "sod-" + unique().substring(1, 9);
      var created =
          approverA.post(
              "/api/v1/schedules",
              Map.of(
                  "name",
                  name,
                  "operation",
                  EchoOperation.NAME,
                  "params",
                  approvalParams(unique()),
                  "reason",
                  "nightly approval echo",
                  "cron",
                  "0 3 1 1 *",
                  "zone",
                  "UTC"));
      assertThat(created.status()).as(created.raw()).isEqualTo(201);
      long schedule = created.body().path("id").asLong();
      assertThat(approverA.post("/api/v1/schedules/" + schedule + "/trigger", Map.of()).status())
          .isEqualTo(202);
      JsonNode run = awaitScheduledRun(name);
      assertThat(run.path("requestedBy").asText()).isEqualTo(APPROVER_A);
      assertThat(run.path("viaSchedule").asText()).isEqualTo(name);
      String id = run.path("id").asText();
      awaitRun(id, status("awaiting_approval"));

      var self = approverA.post("/api/v1/runs/" + id + "/approve", reason());
      assertThat(self.status()).as(self.raw()).isEqualTo(403);
      assertThat(audited("run.approve.refused", id)).isNotNull();
      assertThat(approverB.post("/api/v1/runs/" + id + "/approve", reason()).status())
          .isEqualTo(202);
      awaitRun(id, status("succeeded"));
    }

    @Test
    @DisplayName("through a re-run: the original requester and the re-runner are both refused")
    void rerun() {
      String original = failedBeforeItsApproval();
      var rerun = approverB.post("/api/v1/runs/" + original + "/re-run", Map.of("reason", "again"));
      assertThat(rerun.status()).as(rerun.raw()).isEqualTo(202);
      String id = rerun.body().path("id").asText();
      assertThat(rerun.body().path("requestedBy").asText()).isEqualTo(APPROVER_A);
      assertThat(rerun.body().path("rerunBy").asText()).isEqualTo(APPROVER_B);
      refusedToBoth(id);
    }

    @Test
    @DisplayName("through a bulk re-run, the same")
    void bulkRerun() {
      String original = failedBeforeItsApproval();
      var batch =
          approverB.post(
              "/api/v1/runs/re-run", Map.of("ids", List.of(original), "reason", "storm over"));
      assertThat(batch.status()).as(batch.raw()).isEqualTo(202);
      String id = batch.body().path("runs").get(0).path("run").asText();
      JsonNode run = awaitRun(id, r -> r.path("requestedBy").asText().equals(APPROVER_A));
      assertThat(run.path("rerunBy").asText()).isEqualTo(APPROVER_B);
      refusedToBoth(id);
    }

    /** A run by approver A whose first step fails for good, before the approval it asks for. */
    String failedBeforeItsApproval() {
      String prefix = unique();
      lab.broken.add(prefix + "0");
      var params = new java.util.HashMap<>(approvalParams(prefix));
      params.put("giveUpAfterSeconds", 1);
      String id = startEcho(approverA, params);
      awaitRun(id, status("failed"));
      lab.broken.remove(prefix + "0");
      return id;
    }

    /** Neither the requester nor the re-runner may approve the re-run; a third approver may. */
    void refusedToBoth(String id) {
      awaitRun(id, status("awaiting_approval"));
      assertThat(approverA.post("/api/v1/runs/" + id + "/approve", reason()).status())
          .isEqualTo(403);
      assertThat(approverB.post("/api/v1/runs/" + id + "/approve", reason()).status())
          .isEqualTo(403);
      assertThat(admin().post("/api/v1/runs/" + id + "/approve", reason()).status()).isEqualTo(202);
      awaitRun(id, status("succeeded"));
    }
  }

  static Map<String, Object> approvalParams(String prefix) {
    return Map.of("message", "m", "steps", 1, "prefix", prefix, "approval", true);
  }

  static Map<String, Object> reason() {
    return Map.of("reason", "plan checked");
  }

  JsonNode awaitScheduledRun(String schedule) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      for (JsonNode run : admin().get("/api/v1/runs?limit=500").body().path("items")) {
        if (schedule.equals(run.path("viaSchedule").asText())) {
          return run;
        }
      }
      sleep(100);
    }
    throw new AssertionError("schedule " + schedule + " started no run");
  }

  JsonNode awaitAudit(String action, String runId) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (Instant.now().isBefore(deadline)) {
      JsonNode e = audited(action, runId);
      if (e != null) {
        return e;
      }
      sleep(100);
    }
    throw new AssertionError("no " + action + " audited for run " + runId);
  }
}
