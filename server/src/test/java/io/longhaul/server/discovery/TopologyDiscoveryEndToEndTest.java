package io.longhaul.server.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longhaul.contracts.discovery.DiscoveryReport;
import io.longhaul.contracts.discovery.HostProblem;
import io.longhaul.contracts.discovery.LinkRef;
import io.longhaul.contracts.discovery.TopologyDiscovery;
import io.longhaul.lab.fault.Fault;
import io.longhaul.server.support.ApiClient;
import io.longhaul.server.support.LabServerTestBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.context.TestPropertySource;

/**
 * Topology discovery against the demo lab, through the REST API. The cases run in order: the first
 * discovery fills the empty host-link table, later ones see what earlier ones left.
 */
@TestPropertySource(
    properties = {
      // A dead leaf is silent over SNMP: keep each attempt short so the retries end soon.
      "longhaul.snmp.timeout=PT0.3S",
      "longhaul.snmp.retries=0"
    })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Topology discovery against the demo lab")
class TopologyDiscoveryEndToEndTest extends LabServerTestBase {
  private static final ObjectMapper JSON = new ObjectMapper();

  ApiClient.Response post(Map<String, Object> params) {
    var body = new HashMap<String, Object>();
    body.put("operation", TopologyDiscovery.NAME);
    body.put("params", params);
    body.put("reason", "end-to-end test");
    return admin().post("/api/v1/runs", body);
  }

  JsonNode runToEnd(Map<String, Object> params) {
    return awaitSettled(start(TopologyDiscovery.NAME, params));
  }

  /** Host links of site sha as "hv nic -> switch interface", via the API only. */
  Set<String> shaLinks() {
    Map<Long, String> hypervisors = names("/api/v1/hypervisors");
    Map<Long, String> switches = names("/api/v1/switches");
    Set<String> out = new HashSet<>();
    for (JsonNode l : admin().get("/api/v1/host-links").body()) {
      String hv = hypervisors.get(l.path("hypervisorId").asLong());
      if (hv.startsWith("sha-")) {
        out.add(
            hv
                + " "
                + l.path("nic").asText()
                + " -> "
                + switches.get(l.path("switchId").asLong())
                + " "
                + l.path("interfaceName").asText());
      }
    }
    return out;
  }

  Map<Long, String> names(String path) {
    Map<Long, String> out = new HashMap<>();
    admin().get(path).body().forEach(n -> out.put(n.path("id").asLong(), n.path("name").asText()));
    return out;
  }

  @Test
  @Order(1)
  @DisplayName("the lab is in the inventory, with its credentials sealed")
  void inventoryLoaded() {
    assertThat(names("/api/v1/switches").values()).contains("sha-leaf1", "sin-spine2");
    assertThat(names("/api/v1/hypervisors")).hasSize(32);
    assertThat(admin().get("/api/v1/host-links").body()).isEmpty();
    String credentials = admin().get("/api/v1/credentials").raw();
    assertThat(credentials).contains("lab-ssh", "lab-snmp");
    assertThat(credentials).doesNotContain(lab().credentials().sshPassword());
    assertThat(credentials).doesNotContain(lab().credentials().snmpCommunity());
    assertThat(credentials).contains("lab-http").doesNotContain(lab().credentials().httpToken());
    JsonNode mesh = null;
    for (JsonNode c : admin().get("/api/v1/clusters").body()) {
      mesh = c.path("name").asText().equals("sha-mesh") ? c : mesh;
    }
    assertThat(mesh).as("sha-mesh in the inventory").isNotNull();
    assertThat(mesh.path("name").asText()).isEqualTo("sha-mesh");
    assertThat(mesh.path("baseUrl").asText()).isEqualTo(lab().device("sha-mesh").baseUrl());
    assertThat(mesh.path("trustPem").asText()).isEqualTo(lab().clusterCaPem());
  }

  @Test
  @Order(2)
  @DisplayName("a first discovery records every cabled NIC of the site")
  void firstDiscovery() {
    JsonNode run = runToEnd(Map.of("site", "sha"));
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
    List<String> expected = new ArrayList<>();
    for (int hv = 1; hv <= 16; hv++) {
      int pair = hv <= 8 ? 1 : 3;
      int port = (hv - 1) % 8 + 1;
      String name = String.format("sha-hv%02d", hv);
      expected.add(name + " eth0 -> sha-leaf" + pair + " Ethernet1/" + port);
      expected.add(name + " eth1 -> sha-leaf" + (pair + 1) + " Ethernet1/" + port);
    }
    assertThat(shaLinks()).containsExactlyInAnyOrderElementsOf(expected);
    List<String> readSteps =
        run.path("steps").findValuesAsText("step").stream().filter("read-lldp"::equals).toList();
    assertThat(readSteps).hasSize(8); // four leaves, each started and succeeded
    JsonNode report = run.path("result");
    assertThat(report.path("site").asText()).isEqualTo("sha");
    assertThat(report.path("linksFound").asInt()).isEqualTo(32);
    assertThat(report.path("added")).hasSize(32);
  }

  @Test
  @Order(3)
  @DisplayName("a NIC moved to the other pair is flagged split-pair and its link moves")
  void movedCable() throws Exception {
    lab().moveCable("sha-hv03", "eth1", "sha-leaf3", "Ethernet1/20");
    JsonNode run = runToEnd(Map.of("site", "sha", "parallelism", 2));
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
    // The run's result as the API shows it is the workflow's report.
    DiscoveryReport report = JSON.treeToValue(run.path("result"), DiscoveryReport.class);
    assertThat(report.problems())
        .extracting(HostProblem::hypervisor, HostProblem::problem)
        .containsExactly(tuple("sha-hv03", HostProblem.SPLIT_PAIR));
    assertThat(report.added())
        .containsExactly(new LinkRef("sha-hv03", "eth1", "sha-leaf3", "Ethernet1/20"));
    assertThat(report.removed())
        .containsExactly(new LinkRef("sha-hv03", "eth1", "sha-leaf2", "Ethernet1/3"));
    assertThat(report.unchanged()).isEqualTo(31);
    assertThat(shaLinks())
        .contains("sha-hv03 eth1 -> sha-leaf3 Ethernet1/20")
        .doesNotContain("sha-hv03 eth1 -> sha-leaf2 Ethernet1/3")
        .hasSize(32);
  }

  @Test
  @Order(4)
  @DisplayName("a run without a site gets 400 naming params.site")
  void missingSite() {
    var r = post(Map.of("parallelism", 4));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().path("errors").findValuesAsText("field")).contains("params.site");
  }

  @Test
  @Order(5)
  @DisplayName("a leaf that is down parks the run naming it, and an abort ends it, links untouched")
  void leafDown() {
    Set<String> before = shaLinks();
    lab().faults().inject("sha-leaf4", new Fault.Down());
    JsonNode run = runToEnd(Map.of("site", "sha"));
    assertThat(run.path("status").asText()).isEqualTo("needs_attention");
    JsonNode pending = run.path("pending").get(0);
    assertThat(pending.path("step").asText()).isEqualTo("read-lldp");
    assertThat(pending.path("target").asText()).isEqualTo("sha-leaf4");
    assertThat(pending.path("errorType").asText()).isEqualTo("DeviceTimeout");
    assertThat(pending.path("errorMessage").asText()).contains("sha-leaf4");
    assertThat(pending.path("skippable").asBoolean()).isFalse();
    String id = run.path("id").asText();
    var abort = admin().post("/api/v1/runs/" + id + "/abort", Map.of("reason", "leaf4 is down"));
    assertThat(abort.status()).as(abort.raw()).isEqualTo(202);
    JsonNode ended = run;
    for (int i = 0; i < 600 && !ended.path("status").asText().equals("aborted"); i++) {
      sleep(100);
      ended = admin().get("/api/v1/runs/" + id).body();
    }
    assertThat(ended.path("status").asText()).isEqualTo("aborted");
    JsonNode failed = null;
    for (JsonNode step : ended.path("steps")) {
      if (step.path("kind").asText().equals("failed")) {
        failed = step;
      }
    }
    assertThat(failed).isNotNull();
    assertThat(failed.path("step").asText()).isEqualTo("read-lldp");
    assertThat(failed.path("target").asText()).isEqualTo("sha-leaf4");
    assertThat(shaLinks()).isEqualTo(before);
  }

  static Stream<Fault> misbehaving() {
    // A hanging agent is the SNMP fault that must park. Garbage no longer does: the driver strips
    // control characters at its boundary, so the garbled table is read and reconciled (its
    // neighbours match nothing). Drops and refused logins are SSH faults, covered where SSH is
    // spoken (drivers' TransportFaultsLabTest).
    return Stream.of(new Fault.Hang());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("misbehaving")
  @Order(6)
  @DisplayName(
      "a leaf that hangs parks the run after the step's retries with a typed"
          + " error, never retried forever; mended and retried, the run succeeds")
  void misbehavingLeaf(Fault fault) {
    lab().faults().inject("sha-leaf4", fault);
    JsonNode run;
    try {
      run = runToEnd(Map.of("site", "sha"));
      assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("needs_attention");
      JsonNode pending = run.path("pending").get(0);
      assertThat(pending.path("step").asText()).isEqualTo("read-lldp");
      assertThat(pending.path("target").asText()).isEqualTo("sha-leaf4");
      assertThat(pending.path("errorType").asText()).isNotBlank();
    } finally {
      lab().faults().clearAll();
    }
    String id = run.path("id").asText();
    var retry = admin().post("/api/v1/runs/" + id + "/retry-step", Map.of("reason", "mended"));
    assertThat(retry.status()).as(retry.raw()).isEqualTo(202);
    JsonNode ended = run;
    for (int i = 0; i < 600 && !ended.path("status").asText().equals("succeeded"); i++) {
      sleep(100);
      ended = admin().get("/api/v1/runs/" + id).body();
    }
    assertThat(ended.path("status").asText()).as(ended.toString()).isEqualTo("succeeded");
  }
}
