package io.longhaul.server.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.longhaul.api.run.RunReconciler;
import io.longhaul.db.control.LeaseRepository;
import io.longhaul.db.run.RunRepository;
import io.longhaul.server.echo.EchoWorkflow;
import io.longhaul.workers.WorkerRuntime;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DisplayName("Leases on named targets")
class LeasesEndToEndTest extends ControlTestBase {
  @Autowired WorkflowClient temporal;
  @Autowired WorkerRuntime workers;
  @Autowired RunRepository runs;
  @Autowired LeaseRepository leases;

  @Test
  @DisplayName("two runs on one lease serialise, and holder and waiter are visible")
  void serialise() {
    String lease = "switch:" + unique();
    String first = startHolding(lease, false);
    awaitLease(lease, l -> first.equals(l.path("holderRun").asText()));
    String second = startHolding(lease, false);
    JsonNode waiting = awaitRun(second, status("waiting"));
    assertThat(waiting.path("progress").path("waitingForLeases").get(0).asText()).isEqualTo(lease);
    JsonNode l = awaitLease(lease, x -> x.path("waiters").size() == 1);
    assertThat(l.path("holderRun").asText()).isEqualTo(first);
    assertThat(l.path("waiters").get(0).path("runId").asText()).isEqualTo(second);
    assertThat(kindsOf(second)).doesNotContain("started");

    temporal.newWorkflowStub(EchoWorkflow.class, first).proceed();
    awaitRun(first, status("succeeded"));
    awaitLease(lease, x -> second.equals(x.path("holderRun").asText()));
    temporal.newWorkflowStub(EchoWorkflow.class, second).proceed();
    awaitRun(second, status("succeeded"));
    assertThat(viewer.get("/api/v1/leases?name=" + lease).body()).isEmpty();
  }

  @Test
  @DisplayName("a fail-fast run fails at once while another holds the lease")
  void failFast() {
    String lease = "hypervisor:" + unique();
    String holder = startHolding(lease, false);
    awaitLease(lease, l -> holder.equals(l.path("holderRun").asText()));
    String impatient = startHolding(lease, true);
    JsonNode run = awaitRun(impatient, status("failed"));
    assertThat(run.path("errorType").asText()).isEqualTo("LeaseUnavailable");
    assertThat(run.path("errorMessage").asText()).contains(holder);
    temporal.newWorkflowStub(EchoWorkflow.class, holder).proceed();
    awaitRun(holder, status("succeeded"));
  }

  @Test
  @DisplayName("a run killed with its worker while holding a lease does not hold it forever")
  void killedHolder() {
    String lease = "site:" + unique().replace("-", "");
    String holder = startHolding(lease, false);
    awaitLease(lease, l -> holder.equals(l.path("holderRun").asText()));
    String next = startHolding(lease, false);
    awaitRun(next, status("waiting"));
    workers.stop();
    try {
      temporal.newUntypedWorkflowStub(holder).terminate("worker host lost");
      new RunReconciler(runs, temporal, Duration.ZERO, leases).reconcile();
    } finally {
      workers.start();
    }
    assertThat(get(holder).path("status").asText()).isEqualTo("terminated");
    awaitLease(lease, l -> next.equals(l.path("holderRun").asText()));
    temporal.newWorkflowStub(EchoWorkflow.class, next).proceed();
    awaitRun(next, status("succeeded"));
  }

  @Test
  @DisplayName("a malformed lease name is refused before anything starts")
  void badName() {
    var body = new HashMap<String, Object>();
    body.put("operation", "test-echo");
    body.put("params", Map.of("message", "m", "leases", List.of("router:x")));
    body.put("reason", "bad lease");
    var r = operator.post("/api/v1/runs", body);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().path("errors").get(0).path("field").asText()).startsWith("params.leases");
  }

  String startHolding(String lease, boolean failFast) {
    var body = new HashMap<String, Object>();
    body.put("operation", "test-echo");
    body.put(
        "params",
        Map.of(
            "message",
            "m",
            "steps",
            1,
            "prefix",
            unique(),
            "leases",
            List.of(lease),
            "failFast",
            failFast,
            "waitForSignal",
            true));
    body.put("reason", "lease test");
    var r = operator.post("/api/v1/runs", body);
    assertThat(r.status()).as(r.raw()).isEqualTo(202);
    return r.body().path("id").asText();
  }

  JsonNode awaitLease(String name, java.util.function.Predicate<JsonNode> done) {
    for (int i = 0; i < 600; i++) {
      JsonNode list = viewer.get("/api/v1/leases?name=" + name).body();
      if (list != null && !list.isEmpty() && done.test(list.get(0))) {
        return list.get(0);
      }
      sleep(100);
    }
    throw new AssertionError("lease " + name + ": " + viewer.get("/api/v1/leases").raw());
  }

  List<String> kindsOf(String runId) {
    return get(runId).path("steps").findValuesAsText("kind");
  }

  static String unique() {
    return "l" + UUID.randomUUID().toString().substring(0, 8);
  }
}
