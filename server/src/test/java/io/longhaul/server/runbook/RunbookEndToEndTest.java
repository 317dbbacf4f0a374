package io.longhaul.server.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.longhaul.lab.fault.Fault;
import io.longhaul.server.support.ApiClient;
import io.longhaul.server.support.LabServerTestBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * An operator's runbook against the demo lab, through the API only: validated (errors at their line
 * and column, nothing saved), saved, dry-run (the leaves' own lines, nothing changed), started,
 * edited while a run of the old version waits, retried after a fault and aborted with its undo.
 * Cases run in order and share the lab and the runbook.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("A runbook against the demo lab")
class RunbookEndToEndTest extends LabServerTestBase {
  static final String PORT = "Ethernet1/20";

  static String source(String note) {
    return """
        name: vlan-push
        title: Trunk a VLAN on leaf ports
        params:
          type: object
          required: [site, leaves, vlan, vni, hold]
          properties:
            site: {type: string, maxLength: 8}
            leaves: {type: array, items: {type: string, maxLength: 40}}
            vlan: {type: integer, minimum: 2, maximum: 4000}
            vni: {type: integer, minimum: 1}
            hold: {type: boolean}
        site: site
        steps:
          - id: hold
            if: params.hold
            then:
              - id: ok
                approval: {plan: "trunk VLAN ${params.vlan} on ${params.leaves}"}
          - id: each
            foreach: params.leaves
            as: leaf
            steps:
              - id: push
                action: switch.push-overlay
                input:
                  changeId: ${run.changeId}
                  switchName: ${leaf}
                  apply: [{interfaceName: "%s", vlan: "${params.vlan}", vni: "${params.vni}"}]
                  remove: []
                compensate:
                  action: switch.push-overlay
                  input:
                    changeId: ${run.changeId}
                    switchName: ${leaf}
                    apply: []
                    remove: [{interfaceName: "%s", vlan: "${params.vlan}", vni: "${params.vni}"}]
          - id: note
            action: log
            input: {message: "%s"}
        """
        .formatted(PORT, PORT, note);
  }

  static Map<String, Object> params(int vlan, boolean hold, String... leaves) {
    Map<String, Object> p = new HashMap<>();
    p.put("site", "sha");
    p.put("leaves", List.of(leaves));
    p.put("vlan", vlan);
    p.put("vni", 10000 + vlan);
    p.put("hold", hold);
    return p;
  }

  boolean trunks(String leaf, int vlan) {
    return lab().switchState(leaf).trunkVlans(PORT).contains(vlan);
  }

  String message(JsonNode run) {
    return run.at("/result/outputs/note/output/message").asText();
  }

  @Test
  @Order(1)
  @DisplayName(
      "an invalid runbook is refused with each error at its line and column; nothing saved")
  void invalid() {
    String bad = source("v1").replace("switch.push-overlay\n", "switch.push-overlai\n");
    var r = admin().post("/api/v1/runbooks", Map.of("source", bad, "reason", "first"));
    assertThat(r.status()).as(r.raw()).isEqualTo(400);
    assertThat(r.contentType()).contains("application/problem+json");
    JsonNode error = r.body().path("errors").get(0);
    assertThat(error.path("field").asText()).isEqualTo("source/steps/1/steps/0/action");
    assertThat(error.path("line").asInt()).isEqualTo(24);
    assertThat(error.path("column").asInt()).isEqualTo(17);
    assertThat(error.path("message").asText())
        .isEqualTo(
            "no action named `switch.push-overlai`; did you mean `switch.push-overlay`?;"
                + " GET /api/v1/runbooks/actions lists them");
    var validate = admin().post("/api/v1/runbooks/validate", Map.of("source", bad));
    assertThat(validate.status()).isEqualTo(400);
    assertThat(admin().get("/api/v1/runbooks").body()).isEmpty();
  }

  @Test
  @Order(2)
  @DisplayName(
      "saved, it is an operation; its dry run shows the leaf's own lines and changes nothing")
  void saveAndDryRun() {
    var r = admin().post("/api/v1/runbooks", Map.of("source", source("v1"), "reason", "first"));
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    assertThat(r.body().path("operation").asText()).isEqualTo("runbook.vlan-push.v1");
    List<String> ops = admin().get("/api/v1/operations").body().findValuesAsText("name");
    assertThat(ops).contains("runbook.vlan-push.v1", "instance-spawn");

    var plan =
        admin()
            .post(
                "/api/v1/runbooks/vlan-push/dry-run",
                Map.of("params", params(301, false, "sha-leaf1")));
    assertThat(plan.status()).as(plan.raw()).isEqualTo(200);
    JsonNode push = null;
    for (JsonNode s : plan.body().path("steps")) {
      if (s.path("step").asText().equals("push")) push = s;
    }
    assertThat(push).as(plan.raw()).isNotNull();
    assertThat(push.path("target").asText()).isEqualTo("sha-leaf1");
    assertThat(push.path("undo").asText()).isEqualTo("switch.push-overlay");
    List<String> lines = new ArrayList<>();
    push.path("lines").forEach(l -> lines.add(l.asText()));
    assertThat(String.join("\n", lines)).contains("interface " + PORT).contains("301");
    assertThat(trunks("sha-leaf1", 301)).isFalse();
  }

  @Test
  @Order(3)
  @DisplayName("started like any operation, it trunks the VLAN on every leaf")
  void run() {
    JsonNode run =
        awaitSettled(start("runbook.vlan-push.v1", params(301, false, "sha-leaf1", "sha-leaf2")));
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
    assertThat(trunks("sha-leaf1", 301)).isTrue();
    assertThat(trunks("sha-leaf2", 301)).isTrue();
    assertThat(message(run)).isEqualTo("v1");
  }

  @Test
  @Order(4)
  @DisplayName("an edit while a run of the old version waits leaves that run as it started")
  void editInFlight() {
    String id = start("runbook.vlan-push.v1", params(302, true, "sha-leaf1"));
    JsonNode waiting = awaitSettled(id);
    assertThat(waiting.path("status").asText())
        .as(waiting.toString())
        .isEqualTo("awaiting_approval");
    assertThat(waiting.at("/pending/0/plan").asText()).isEqualTo("trunk VLAN 302 on [sha-leaf1]");

    var v2 =
        admin()
            .put(
                "/api/v1/runbooks/vlan-push",
                Map.of("source", source("v2"), "basedOn", 1, "reason", "say v2"));
    assertThat(v2.status()).as(v2.raw()).isEqualTo(200);
    assertThat(v2.body().path("version").asInt()).isEqualTo(2);
    var stale =
        admin()
            .put(
                "/api/v1/runbooks/vlan-push",
                Map.of("source", source("v3"), "basedOn", 1, "reason", "x"));
    assertThat(stale.status()).isEqualTo(409);
    JsonNode diff = admin().get("/api/v1/runbooks/vlan-push/diff?from=1&to=2").body();
    assertThat(diff.path("lines").findValuesAsText("op")).containsOnlyOnce("-", "+");
    assertThat(admin().get("/api/v1/runbooks/vlan-push/versions").body().findValuesAsText("reason"))
        .containsExactly("say v2", "first");

    var alice =
        admin()
            .post(
                "/api/v1/users",
                Map.of("username", "alice", "password", "a-long-password", "role", "approver"));
    assertThat(alice.status()).as(alice.raw()).isEqualTo(201);
    var approve =
        ApiClient.basic(port, "alice", "a-long-password")
            .post("/api/v1/runs/" + id + "/approve", Map.of("reason", "fine"));
    assertThat(approve.status()).as(approve.raw()).isEqualTo(202);
    JsonNode done = awaitSettled(id);
    assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("succeeded");
    assertThat(message(done)).isEqualTo("v1");
    JsonNode next = awaitSettled(start("runbook.vlan-push.v2", params(302, false, "sha-leaf1")));
    assertThat(message(next)).isEqualTo("v2");
  }

  @Test
  @Order(5)
  @DisplayName("a leaf that refuses parks the run; cleared and retried, it goes on")
  void retry() {
    lab().faults().inject("sha-leaf1", new Fault.CommandFails("switchport trunk allowed vlan add"));
    String id = start("runbook.vlan-push.v2", params(303, false, "sha-leaf1"));
    JsonNode parked = awaitSettled(id);
    assertThat(parked.path("status").asText()).as(parked.toString()).isEqualTo("needs_attention");
    assertThat(parked.at("/pending/0/step").asText()).isEqualTo("push");
    assertThat(parked.at("/pending/0/target").asText()).isEqualTo("sha-leaf1");
    lab().faults().clearAll();
    var retry = admin().post("/api/v1/runs/" + id + "/retry-step", Map.of("reason", "leaf mended"));
    assertThat(retry.status()).as(retry.raw()).isEqualTo(202);
    JsonNode done = awaitSettled(id);
    assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("succeeded");
    assertThat(trunks("sha-leaf1", 303)).isTrue();
  }

  @Test
  @Order(6)
  @DisplayName("aborted, it undoes what it did with the runbook's own compensation")
  void abort() {
    lab().faults().inject("sha-leaf2", new Fault.CommandFails("switchport trunk allowed vlan add"));
    String id = start("runbook.vlan-push.v2", params(304, false, "sha-leaf1", "sha-leaf2"));
    JsonNode parked = awaitSettled(id);
    assertThat(parked.path("status").asText()).as(parked.toString()).isEqualTo("needs_attention");
    assertThat(trunks("sha-leaf1", 304)).isTrue();
    lab().faults().clearAll();
    var abort = admin().post("/api/v1/runs/" + id + "/abort", Map.of("reason", "not today"));
    assertThat(abort.status()).as(abort.raw()).isEqualTo(202);
    JsonNode done = awaitSettled(id);
    assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("aborted");
    assertThat(trunks("sha-leaf1", 304)).isFalse();
    assertThat(trunks("sha-leaf1", 303)).isTrue();
  }
}
