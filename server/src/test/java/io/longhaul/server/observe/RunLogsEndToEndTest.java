package io.longhaul.server.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longhaul.lab.fault.Fault;
import io.longhaul.server.support.LabServerTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * Structured (JSON) logs of a run, with the drivers and workers at debug: every activity line names
 * its run, operation and step, a device call's also its site, and no line holds a secret the run
 * used (the lab's SSH password, SNMP community and HTTP token, the admin's password).
 */
@TestPropertySource(
    properties = {
      "logging.structured.format.console=logstash",
      "logging.level.io.longhaul.drivers=debug",
      "logging.level.io.longhaul.workers=debug",
      "longhaul.snmp.timeout=PT0.3S",
      "longhaul.snmp.retries=0"
    })
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("A run's log lines")
class RunLogsEndToEndTest extends LabServerTestBase {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @DisplayName("carry its id, operation, step and site, and no secret")
  void runContextAndNoSecrets(CapturedOutput output) throws Exception {
    String ok = start("topology-discovery", Map.of("site", "sha"));
    assertThat(awaitSettled(ok).path("status").asText()).isEqualTo("succeeded");
    lab().faults().inject("sha-leaf4", new Fault.Down());
    String parked = start("topology-discovery", Map.of("site", "sha"));
    assertThat(awaitSettled(parked).path("status").asText()).isEqualTo("needs_attention");

    List<JsonNode> lines = new ArrayList<>();
    for (String line : output.getOut().split("\n")) {
      if (line.startsWith("{")) {
        lines.add(JSON.readTree(line));
      }
    }
    assertThat(lines).hasSizeGreaterThan(20);
    List<JsonNode> ofRun = lines.stream().filter(l -> l.path("run").asText().equals(ok)).toList();
    assertThat(ofRun).isNotEmpty();
    assertThat(ofRun)
        .allSatisfy(
            l -> {
              assertThat(l.path("operation").asText()).isEqualTo("topology-discovery");
              assertThat(l.path("step").asText()).isNotBlank();
            });
    // The device calls, on the site's queue, name the site.
    List<JsonNode> deviceLines =
        ofRun.stream().filter(l -> l.path("TaskQueue").asText().equals("site.sha")).toList();
    assertThat(deviceLines).isNotEmpty();
    assertThat(deviceLines).allSatisfy(l -> assertThat(l.path("site").asText()).isEqualTo("sha"));
    assertThat(deviceLines.stream().map(l -> l.path("step").asText())).contains("ReadLldp");
    assertThat(lines.stream().filter(l -> l.path("run").asText().equals(parked))).isNotEmpty();

    var c = lab().credentials();
    List<String> secrets =
        List.of(c.sshPassword(), c.snmpCommunity(), c.httpToken(), ADMIN_PASSWORD);
    assertThat(secrets).allSatisfy(s -> assertThat(s).hasSizeGreaterThan(8));
    String all = output.getAll();
    for (String secret : secrets) {
      assertThat(all).as("a log line holds a secret").doesNotContain(secret);
    }
  }
}
