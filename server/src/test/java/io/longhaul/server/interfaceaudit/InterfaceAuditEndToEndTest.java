package io.longhaul.server.interfaceaudit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.longhaul.lab.DeviceKind;
import io.longhaul.lab.LabDevice;
import io.longhaul.lab.fault.Fault;
import io.longhaul.server.support.LabServerTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The example operation (docs/architecture.md, "Adding an operation") against the demo lab: its
 * catalog entry comes from its annotation alone, and its report matches what the lab's switches
 * hold.
 */
@TestPropertySource(
    properties = {
      // A dead switch is silent over SNMP: keep each attempt short so the read parks soon.
      "longhaul.snmp.timeout=PT0.3S",
      "longhaul.snmp.retries=0"
    })
@DisplayName("The interface audit against the demo lab")
class InterfaceAuditEndToEndTest extends LabServerTestBase {

  List<String> shaSwitches() {
    return lab().devices().stream()
        .filter(d -> d.kind() == DeviceKind.SWITCH && d.siteCode().equals("sha"))
        .map(LabDevice::name)
        .toList();
  }

  /** What the lab's own state says the report must list: up, and no description. */
  List<String> undescribedInTheLab(List<String> switches) {
    List<String> out = new ArrayList<>();
    for (String sw : switches) {
      lab().switchState(sw).interfaces().stream()
          .filter(i -> i.operUp() && (i.description() == null || i.description().isBlank()))
          .forEach(i -> out.add(sw + " " + i.name()));
    }
    return out;
  }

  @Test
  @DisplayName("is in the catalog with its stages, declared only on its workflow interface")
  void catalogued() {
    JsonNode audit = null;
    for (JsonNode op : admin().get("/api/v1/operations").body()) {
      if (op.path("name").asText().equals("interface-audit")) {
        audit = op;
      }
    }
    assertThat(audit).isNotNull();
    assertThat(audit.path("stages").findValuesAsText("step"))
        .containsExactly("list-switches", "read-interfaces");
    assertThat(audit.at("/schema/properties/site/pattern").asText()).isNotEmpty();
  }

  @Test
  @DisplayName("reports every switch of the site and exactly the lab's undescribed live interfaces")
  void reportsWhatTheLabHolds() {
    List<String> switches = shaSwitches();
    // Every cabled interface of the demo lab is described; a cable moved to a free port is not.
    lab().moveCable("sha-hv03", "eth1", "sha-leaf3", "Ethernet1/20");
    JsonNode run = awaitSettled(start("interface-audit", Map.of("site", "sha")));
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
    JsonNode report = run.path("result");
    assertThat(report.path("switches").asInt()).isEqualTo(switches.size());
    assertThat(report.path("interfaces").asInt()).isGreaterThan(switches.size());
    List<String> undescribed = new ArrayList<>();
    report.path("undescribed").forEach(n -> undescribed.add(n.asText()));
    assertThat(undescribed)
        .contains("sha-leaf3 Ethernet1/20")
        .containsExactlyInAnyOrderElementsOf(undescribedInTheLab(switches));
  }

  @Test
  @DisplayName("a switch that is down parks its read; skipped, the report leaves it out")
  void skipsASwitchThatIsDown() {
    List<String> switches = shaSwitches();
    String down = switches.getLast();
    lab().faults().inject(down, new Fault.Down());
    String id = start("interface-audit", Map.of("site", "sha"));
    JsonNode parked = awaitSettled(id);
    assertThat(parked.path("status").asText()).isEqualTo("needs_attention");
    assertThat(parked.at("/pending/0/step").asText()).isEqualTo("read-interfaces");
    assertThat(parked.at("/pending/0/target").asText()).isEqualTo(down);

    var skip = admin().post("/api/v1/runs/" + id + "/skip-step", Map.of("reason", "it is down"));
    assertThat(skip.status()).as(skip.raw()).isEqualTo(202);
    JsonNode run = awaitSettled(id);
    assertThat(run.path("status").asText()).isEqualTo("succeeded");
    assertThat(run.at("/result/switches").asInt()).isEqualTo(switches.size() - 1);
    assertThat(run.at("/result/undescribed").toString()).doesNotContain(down + " ");
  }
}
