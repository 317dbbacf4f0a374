package io.longhaul.server.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.longhaul.server.echo.EchoActivitiesImpl;
import io.longhaul.server.echo.EchoWorkflow;
import io.temporal.client.WorkflowClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DisplayName("Operator control of a run through the REST API")
class OperatorControlEndToEndTest extends ControlTestBase {
  @Autowired EchoActivitiesImpl lab;
  @Autowired WorkflowClient temporal;

  @Nested
  @DisplayName("when a step fails after its retries")
  class NeedsAttention {
    @Test
    @DisplayName(
        "the run parks with the typed error, and a retry with an edited input completes it")
    void retryWithEdit() {
      String prefix = unique();
      String id =
          startEcho(operator, Map.of("message", "fail:vlan 100", "steps", 1, "prefix", prefix));
      JsonNode run = awaitRun(id, status("needs_attention"));
      JsonNode pending = run.path("pending").get(0);
      assertThat(pending.path("kind").asText()).isEqualTo("failure");
      assertThat(pending.path("step").asText()).isEqualTo("echo");
      assertThat(pending.path("target").asText()).isEqualTo(prefix + "0");
      assertThat(pending.path("errorType").asText()).isEqualTo("VerificationFailed");
      assertThat(pending.path("waitingSeconds").isNumber()).isTrue();

      var bad =
          operator.post(
              "/api/v1/runs/" + id + "/retry-step",
              Map.of(
                  "reason",
                  "fix the vlan",
                  "input",
                  Map.of("target", prefix + "0", "message", "")));
      assertThat(bad.status()).as(bad.raw()).isEqualTo(400);
      assertThat(bad.body().path("errors").get(0).path("field").asText()).isEqualTo("input");
      assertThat(get(id).path("status").asText()).isEqualTo("needs_attention");

      var retry =
          operator.post(
              "/api/v1/runs/" + id + "/retry-step",
              Map.of(
                  "reason",
                  "fix the vlan",
                  "input",
                  Map.of("target", prefix + "0", "message", "vlan 200")));
      assertThat(retry.status()).as(retry.raw()).isEqualTo(202);
      JsonNode done = awaitRun(id, status("succeeded"));
      assertThat(lab.appliedTo(prefix + "0")).isEqualTo(1);
      JsonNode echo = done.path("timeline").get(0);
      assertThat(echo.path("state").asText()).isEqualTo("succeeded");
      assertThat(echo.path("attempts").asInt()).isEqualTo(2);
      assertThat(echo.path("errors").get(0).asText()).startsWith("VerificationFailed");
      assertThat(audited("run.retry-step", id)).isNotNull();
      assertThat(audited("run.retry-step.refused", id)).isNotNull();
    }

    @Test
    @DisplayName("a skippable step can be skipped and the run carries on; others cannot")
    void skip() {
      String prefix = unique();
      lab.broken.add(prefix + "0");
      String id =
          startEcho(
              operator, Map.of("message", "m", "steps", 2, "prefix", prefix, "skippable", true));
      awaitRun(id, status("needs_attention"));
      var skip =
          operator.post("/api/v1/runs/" + id + "/skip-step", Map.of("reason", "decommissioned"));
      assertThat(skip.status()).as(skip.raw()).isEqualTo(202);
      JsonNode run = awaitRun(id, status("succeeded"));
      assertThat(kinds(run, prefix + "0")).contains("skipped");
      assertThat(lab.appliedTo(prefix + "1")).isEqualTo(1);
      assertThat(audited("run.skip-step", id).path("actor").asText()).isEqualTo(OPERATOR);

      String other = unique();
      lab.broken.add(other + "0");
      String strict = startEcho(operator, Map.of("message", "m", "steps", 1, "prefix", other));
      awaitRun(strict, status("needs_attention"));
      var refused = operator.post("/api/v1/runs/" + strict + "/skip-step", Map.of("reason", "try"));
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("action");
      assertThat(audited("run.skip-step.refused", strict)).isNotNull();
      lab.broken.remove(other + "0");
      operator.post("/api/v1/runs/" + strict + "/retry-step", Map.of("reason", "mended"));
      awaitRun(strict, status("succeeded"));
    }

    @Test
    @DisplayName("abort runs the compensations newest first; a failing one parks and is retried")
    void abort() {
      String prefix = unique();
      lab.broken.add(prefix + "2");
      lab.brokenUndo.add(prefix + "0");
      String id =
          startEcho(
              operator, Map.of("message", "m", "steps", 3, "prefix", prefix, "compensate", true));
      awaitRun(id, status("needs_attention"));
      var abort = operator.post("/api/v1/runs/" + id + "/abort", Map.of("reason", "wrong rack"));
      assertThat(abort.status()).as(abort.raw()).isEqualTo(202);

      JsonNode stuck = awaitRun(id, run -> pendingStep(run).equals("undo:echo"));
      assertThat(stuck.path("status").asText()).isEqualTo("needs_attention");
      assertThat(stuck.path("pending").get(0).path("target").asText()).isEqualTo(prefix + "0");
      lab.brokenUndo.remove(prefix + "0");
      var retry =
          operator.post("/api/v1/runs/" + id + "/retry-step", Map.of("reason", "console cleared"));
      assertThat(retry.status()).as(retry.raw()).isEqualTo(202);

      JsonNode run = awaitRun(id, status("aborted"));
      assertThat(run.path("errorType").asText()).isEqualTo("AbortedByOperator");
      List<String> undone = new ArrayList<>();
      for (JsonNode c : run.path("compensations")) {
        if (c.path("kind").asText().equals("compensated")) {
          undone.add(c.path("target").asText());
        }
      }
      assertThat(undone).containsExactly(prefix + "2", prefix + "1", prefix + "0");
      assertThat(lab.undoneOn(prefix + "0")).isEqualTo(1);
      assertThat(audited("run.abort", id).path("detail").asText()).contains("wrong rack");
    }

    @Test
    @DisplayName("cancel runs the compensations too")
    void cancel() {
      String prefix = unique();
      String id =
          startEcho(
              operator,
              Map.of(
                  "message",
                  "m",
                  "steps",
                  2,
                  "prefix",
                  prefix,
                  "compensate",
                  true,
                  "waitForSignal",
                  true));
      awaitRun(id, run -> kinds(run, prefix + "1").contains("succeeded"));
      assertThat(operator.post("/api/v1/runs/" + id + "/cancel", Map.of("reason", "x")).status())
          .isEqualTo(202);
      JsonNode run = awaitRun(id, status("cancelled"));
      assertThat(lab.undoneOn(prefix + "0")).isEqualTo(1);
      assertThat(lab.undoneOn(prefix + "1")).isEqualTo(1);
      assertThat(run.path("compensations").findValuesAsText("kind")).contains("compensated");
    }

    @Test
    @DisplayName("progress reports steps done of those expected and the domain figures")
    void progress() {
      String prefix = unique();
      String id =
          startEcho(
              operator,
              Map.of("message", "m", "steps", 2, "prefix", prefix, "waitForSignal", true));
      awaitRun(id, run -> kinds(run, prefix + "1").contains("succeeded"));
      JsonNode p = operator.get("/api/v1/runs/" + id + "/progress").body();
      assertThat(p.path("phase").asText()).isEqualTo("echo");
      assertThat(p.path("done").asInt()).isEqualTo(2);
      assertThat(p.path("total").asInt()).isEqualTo(3);
      assertThat(p.path("figures").path("echoed").asLong()).isEqualTo(2);
      assertThat(p.path("etaMillis").isNumber()).isTrue();
      temporal.newWorkflowStub(EchoWorkflow.class, id).proceed();
      awaitRun(id, status("succeeded"));
    }
  }

  @Nested
  @DisplayName("re-running an ended run")
  class Rerun {
    @Test
    @DisplayName("resumes at the failed step as a new linked run and applies nothing twice")
    void resumes() {
      String prefix = unique();
      lab.broken.add(prefix + "1");
      String id =
          startEcho(
              operator,
              Map.of("message", "m", "steps", 3, "prefix", prefix, "giveUpAfterSeconds", 1));
      JsonNode failed = awaitRun(id, status("failed"));
      assertThat(lab.appliedTo(prefix + "0")).isEqualTo(1);
      lab.broken.remove(prefix + "1");

      var rerun = operator.post("/api/v1/runs/" + id + "/re-run", Map.of("reason", "leaf mended"));
      assertThat(rerun.status()).as(rerun.raw()).isEqualTo(202);
      String second = rerun.body().path("id").asText();
      assertThat(rerun.body().path("rerunOf").asText()).isEqualTo(id);
      assertThat(rerun.body().path("changeId").asText())
          .isEqualTo(failed.path("changeId").asText());
      JsonNode run = awaitRun(second, status("succeeded"));
      assertThat(kinds(run, prefix + "0")).containsExactly("reused");
      assertThat(kinds(run, prefix + "1")).containsExactly("started", "succeeded");
      assertThat(lab.appliedTo(prefix + "0")).isEqualTo(1);
      assertThat(lab.appliedTo(prefix + "1")).isEqualTo(1);
      assertThat(lab.appliedTo(prefix + "2")).isEqualTo(1);
      JsonNode original = get(id);
      assertThat(original.path("status").asText()).isEqualTo("failed");
      assertThat(original.path("steps").size()).isEqualTo(failed.path("steps").size());
      assertThat(audited("run.re-run", id).path("detail").asText()).contains(second);
      JsonNode reruns = operator.get("/api/v1/runs?rerunOf=" + id).body().path("items");
      assertThat(reruns.findValuesAsText("id")).containsExactly(second);

      var again = operator.post("/api/v1/runs/" + second + "/re-run", Map.of("reason", "again"));
      assertThat(again.status()).isEqualTo(409);
      assertThat(audited("run.re-run.refused", second)).isNotNull();
    }

    @Test
    @DisplayName("edited params are validated like a new request")
    void editedParams() {
      String prefix = unique();
      String id =
          startEcho(
              operator,
              Map.of(
                  "message",
                  "m",
                  "steps",
                  1,
                  "prefix",
                  prefix,
                  "failWith",
                  "no",
                  "giveUpAfterSeconds",
                  1));
      awaitRun(id, status("failed"));
      var bad =
          operator.post(
              "/api/v1/runs/" + id + "/re-run",
              Map.of("reason", "r", "params", Map.of("message", "", "prefix", prefix)));
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.body().path("errors").findValuesAsText("field")).contains("params.message");
      var good =
          operator.post(
              "/api/v1/runs/" + id + "/re-run",
              Map.of(
                  "reason", "r", "params", Map.of("message", "m", "steps", 1, "prefix", prefix)));
      assertThat(good.status()).isEqualTo(202);
      JsonNode run = awaitRun(good.body().path("id").asText(), status("succeeded"));
      assertThat(kinds(run, prefix + "0")).containsExactly("reused");
    }

    @Test
    @DisplayName("a bulk re-run releases its runs at a bounded rate and every one completes")
    void bulk() {
      List<String> ids = new ArrayList<>();
      List<String> prefixes = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        String prefix = unique();
        prefixes.add(prefix);
        lab.broken.add(prefix + "0");
        ids.add(
            startEcho(
                operator,
                Map.of("message", "m", "steps", 1, "prefix", prefix, "giveUpAfterSeconds", 1)));
      }
      ids.forEach(id -> awaitRun(id, status("failed")));
      prefixes.forEach(p -> lab.broken.remove(p + "0"));

      var refused =
          operator.post(
              "/api/v1/runs/re-run",
              Map.of("ids", List.of(ids.get(0), "no-such-run"), "reason", "storm over"));
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("ids[1]");

      var batch =
          operator.post(
              "/api/v1/runs/re-run", Map.of("ids", ids, "reason", "storm over", "perSecond", 4));
      assertThat(batch.status()).as(batch.raw()).isEqualTo(202);
      assertThat(batch.body().path("runs").findValuesAsText("releaseAfterMillis"))
          .containsExactly("0", "250", "500");
      for (JsonNode planned : batch.body().path("runs")) {
        awaitRun(planned.path("run").asText(), status("succeeded"));
      }
      prefixes.forEach(p -> assertThat(lab.appliedTo(p + "0")).isEqualTo(1));
    }
  }

  @Nested
  @DisplayName("approvals")
  class Approvals {
    @Test
    @DisplayName("show the plan, refuse the requester, and let another approver through")
    void separationOfDuties() {
      String id =
          startEcho(
              approverA, Map.of("message", "m", "steps", 1, "prefix", unique(), "approval", true));
      JsonNode run = awaitRun(id, status("awaiting_approval"));
      JsonNode pending = run.path("pending").get(0);
      assertThat(pending.path("kind").asText()).isEqualTo("approval");
      assertThat(pending.path("plan").asText()).isEqualTo("echo 'done:m' to the final target");

      var self = approverA.post("/api/v1/runs/" + id + "/approve", Map.of("reason", "lgtm"));
      assertThat(self.status()).isEqualTo(403);
      assertThat(audited("run.approve.refused", id).path("actor").asText()).isEqualTo(APPROVER_A);
      var operatorTry = operator.post("/api/v1/runs/" + id + "/approve", Map.of("reason", "lgtm"));
      assertThat(operatorTry.status()).isEqualTo(403);
      var noReason = approverB.post("/api/v1/runs/" + id + "/approve", Map.of());
      assertThat(noReason.status()).isEqualTo(400);

      var ok = approverB.post("/api/v1/runs/" + id + "/approve", Map.of("reason", "plan checked"));
      assertThat(ok.status()).as(ok.raw()).isEqualTo(202);
      JsonNode done = awaitRun(id, status("succeeded"));
      assertThat(done.path("steps").findValuesAsText("kind")).contains("approved");
      assertThat(audited("run.approve", id).path("actor").asText()).isEqualTo(APPROVER_B);
    }

    @Test
    @DisplayName("an expired approval is refused, audited, and ends the run")
    void expires() {
      String id =
          startEcho(
              operator,
              Map.of(
                  "message",
                  "m",
                  "steps",
                  1,
                  "prefix",
                  unique(),
                  "approval",
                  true,
                  "approvalExpiresSeconds",
                  1));
      JsonNode run = awaitRun(id, status("failed"));
      assertThat(run.path("errorType").asText()).isEqualTo("ApprovalExpired");
      var late =
          approverB.post(
              "/api/v1/runs/" + id + "/approve", Map.of("step", "final", "reason", "sorry, late"));
      assertThat(late.status()).isEqualTo(409);
      assertThat(audited("run.approve.refused", id)).isNotNull();
    }

    @Test
    @DisplayName("a rejection aborts the run with the approver's reason")
    void reject() {
      String id =
          startEcho(
              operator, Map.of("message", "m", "steps", 1, "prefix", unique(), "approval", true));
      awaitRun(id, status("awaiting_approval"));
      var r = approverB.post("/api/v1/runs/" + id + "/reject", Map.of("reason", "wrong host"));
      assertThat(r.status()).isEqualTo(202);
      JsonNode run = awaitRun(id, status("aborted"));
      assertThat(run.path("errorType").asText()).isEqualTo("ApprovalRejected");
      assertThat(run.path("errorMessage").asText()).contains("wrong host");
    }
  }

  @Test
  @DisplayName("actions on an unknown run are 404, on an ended run 409, and need the right role")
  void refusals() {
    assertThat(operator.post("/api/v1/runs/nope/retry-step", Map.of("reason", "x")).status())
        .isEqualTo(404);
    String id = startEcho(operator, Map.of("message", "m", "steps", 1, "prefix", unique()));
    awaitRun(id, status("succeeded"));
    assertThat(operator.post("/api/v1/runs/" + id + "/abort", Map.of("reason", "x")).status())
        .isEqualTo(409);
    assertThat(operator.post("/api/v1/runs/" + id + "/re-run", Map.of("reason", "x")).status())
        .isEqualTo(409);
    assertThat(viewer.post("/api/v1/runs/" + id + "/retry-step", Map.of("reason", "x")).status())
        .isEqualTo(403);
  }
}
