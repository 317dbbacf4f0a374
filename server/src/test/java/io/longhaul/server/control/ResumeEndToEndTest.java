package io.longhaul.server.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longhaul.api.run.ReconcilerSchedule;
import io.longhaul.contracts.control.PendingDecision;
import io.longhaul.contracts.vocabulary.RunStatus;
import io.longhaul.db.control.StepLedgerRepository;
import io.longhaul.db.run.Run;
import io.longhaul.db.run.RunEvent;
import io.longhaul.db.run.RunEventRepository;
import io.longhaul.db.run.RunRepository;
import io.longhaul.server.echo.EchoActivitiesImpl;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A run PostgreSQL holds as live whose workflow Temporal does not know, exactly as a restart of the
 * embedded server leaves it: the record, its events, its ledger and its pending decision, and no
 * workflow. (The kill -9 of a whole process is in the reliability suite.)
 */
@DisplayName("Runs whose workflow was lost")
class ResumeEndToEndTest extends ControlTestBase {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired EchoActivitiesImpl lab;
  @Autowired RunRepository runs;
  @Autowired RunEventRepository events;
  @Autowired StepLedgerRepository ledger;
  @Autowired ReconcilerSchedule reconciler;

  @Test
  @DisplayName(
      "an approval is answered with a 409 naming the run, then the run is resumed with its plan"
          + " and original expiry, and completes without applying its done step again")
  void approval() throws Exception {
    String prefix = unique();
    long since = System.currentTimeMillis() - 60_000;
    long expires = since + 3_600_000;
    PendingDecision approval =
        new PendingDecision(
            "approval",
            "final",
            null,
            1,
            null,
            null,
            false,
            "echo 'done:hi' to the final target",
            "approver",
            since,
            expires);
    String id =
        lostRun(
            Map.of("message", "hi", "steps", 1, "prefix", prefix, "approval", true),
            RunStatus.AWAITING_APPROVAL,
            approval,
            prefix + "0");

    var refused =
        approverA.post("/api/v1/runs/" + id + "/approve", Map.of("reason", "looks right"));
    assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
    assertThat(refused.contentType()).contains("problem+json");
    assertThat(refused.body().path("detail").asText())
        .contains(id)
        .contains("Temporal no longer knows it");

    reconciler.reconciler().reconcileAll();
    JsonNode run = awaitRun(id, r -> pendingStep(r).equals("final"));
    assertThat(run.path("status").asText()).isEqualTo("awaiting_approval");
    JsonNode pending = run.path("pending").get(0);
    assertThat(pending.path("plan").asText()).isEqualTo(approval.plan());
    assertThat(JsonInstant.millis(pending.path("expiresAt"))).isEqualTo(expires);
    JsonNode resumed = event(run, "resumed");
    assertThat(resumed.path("detail").path("gapSeconds").asLong()).isGreaterThanOrEqualTo(0);

    var approve =
        approverA.post("/api/v1/runs/" + id + "/approve", Map.of("reason", "looks right"));
    assertThat(approve.status()).as(approve.raw()).isEqualTo(202);
    JsonNode done = awaitRun(id, status("succeeded"));
    assertThat(lab.appliedTo(prefix + "0")).as("the step done before the loss").isZero();
    assertThat(kinds(done, prefix + "0")).contains("reused");
    assertSeqUnique(done);
  }

  @Test
  @DisplayName("a step parked on a failure parks again with its failure, not applied again")
  void failure() throws Exception {
    String prefix = unique();
    long since = System.currentTimeMillis() - 5_000;
    PendingDecision failure =
        new PendingDecision(
            "failure",
            "echo",
            prefix + "1",
            4,
            "VerificationFailed",
            prefix + "1 did not take hi",
            false,
            null,
            null,
            since,
            null);
    String id =
        lostRun(
            Map.of("message", "hi", "steps", 2, "prefix", prefix),
            RunStatus.NEEDS_ATTENTION,
            failure,
            prefix + "0");
    reconciler.reconciler().reconcileAll();
    JsonNode run = awaitRun(id, r -> pendingStep(r).equals("echo"));
    JsonNode pending = run.path("pending").get(0);
    assertThat(pending.path("target").asText()).isEqualTo(prefix + "1");
    assertThat(pending.path("attempt").asInt()).isEqualTo(4);
    assertThat(pending.path("errorType").asText()).isEqualTo("VerificationFailed");
    assertThat(lab.appliedTo(prefix + "1")).isZero();

    var retry = operator.post("/api/v1/runs/" + id + "/retry-step", Map.of("reason", "mended"));
    assertThat(retry.status()).as(retry.raw()).isEqualTo(202);
    JsonNode done = awaitRun(id, status("succeeded"));
    assertThat(lab.appliedTo(prefix + "0")).isZero();
    assertThat(lab.appliedTo(prefix + "1")).isEqualTo(1);
    assertSeqUnique(done);
  }

  @Test
  @DisplayName("a run whose operation this version lacks is marked failed, saying why")
  void impossible() {
    String id = UUID.randomUUID().toString();
    runs.insertPending(
        new Run.NewRun(id, "no-such-operation", "{}", null, OPERATOR, "old", null, null));
    runs.mirror(id, RunStatus.RUNNING, "[]", null);
    reconciler.reconciler().reconcileAll();
    JsonNode run = get(id);
    assertThat(run.path("status").asText()).isEqualTo("failed");
    assertThat(run.path("errorMessage").asText()).contains("no operation no-such-operation");
  }

  /** The record a run leaves behind when its workflow is lost: first step done, then parked. */
  private String lostRun(
      Map<String, Object> params, RunStatus status, PendingDecision parked, String doneTarget)
      throws Exception {
    String id = UUID.randomUUID().toString();
    runs.insertPending(
        new Run.NewRun(
            id, "test-echo", JSON.writeValueAsString(params), null, OPERATOR, "lost", null, null));
    OffsetDateTime at = OffsetDateTime.now().minusMinutes(1);
    events.append(event(id, 0, "echo", doneTarget, "started", at));
    events.append(event(id, 1, "echo", doneTarget, "succeeded", at));
    events.append(event(id, 2, parked.step(), parked.target(), "parked", at));
    ledger.complete(id, "echo", doneTarget, id, JSON.writeValueAsString(doneTarget + ":hi"));
    runs.mirror(id, status, JSON.writeValueAsString(List.of(parked)), null);
    return id;
  }

  private static RunEvent event(
      String run, int seq, String step, String target, String kind, OffsetDateTime at) {
    return new RunEvent(run, seq, step, target, kind, 1, null, null, null, at);
  }

  private static JsonNode event(JsonNode run, String kind) {
    for (JsonNode e : run.path("steps")) {
      if (kind.equals(e.path("kind").asText())) {
        return e;
      }
    }
    throw new AssertionError("no " + kind + " event in " + run);
  }

  private static void assertSeqUnique(JsonNode run) {
    List<Integer> seqs = new ArrayList<>();
    run.path("steps").forEach(e -> seqs.add(e.path("seq").asInt()));
    assertThat(seqs).doesNotHaveDuplicates().isSorted();
  }

  /** Instants as the API writes them. */
  private static final class JsonInstant {
    static long millis(JsonNode n) {
      return java.time.Instant.parse(n.asText()).toEpochMilli();
    }
  }
}
