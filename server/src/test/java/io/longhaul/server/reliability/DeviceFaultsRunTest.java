package io.longhaul.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.longhaul.contracts.FailureTypes;
import io.longhaul.lab.DeviceKind;
import io.longhaul.lab.LabDevice;
import io.longhaul.lab.fault.Fault;
import io.longhaul.server.support.LabServerTestBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Device faults through a whole spawn, over real SSH to the lab: a hypervisor that drops every
 * connection mid-answer, a leaf that refuses the login. The step retries within its profile (a drop
 * is retryable; a refused login is not, so it is tried once), then parks for an operator: the run
 * always has a decision waiting. Mended and retried, it succeeds, with its domain and port once.
 */
@Tag("reliability")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Device faults through a whole run")
class DeviceFaultsRunTest extends LabServerTestBase {

  @BeforeAll
  void discover() {
    JsonNode d = awaitSettled(start("topology-discovery", Map.of("site", "sha")));
    assertThat(d.path("status").asText()).as(d.toString()).isEqualTo("succeeded");
  }

  @Test
  @DisplayName(
      "a hypervisor that drops mid-command: the step retries, parks as unreachable, then succeeds")
  void dropMidCommand() {
    resetHypervisorLogs();
    lab().faults().inject("hypervisors", new Fault.DropMidCommand());
    JsonNode parked;
    try {
      Instant t0 = Instant.now();
      parked = awaitSettled(start("instance-spawn", vm("dev-drop")));
      assertParked(parked, FailureTypes.DEVICE_UNREACHABLE, FailureTypes.DEVICE_TIMEOUT);
      // Each attempt dies at its connection's first command, so one command line reaching one
      // hypervisor more than once is the step retried (within its profile: it parked after).
      int attempts = maxRepeats(DeviceKind.HYPERVISOR);
      assertThat(attempts).as("attempts of the dropped command").isGreaterThan(1);
      figure("drop mid-command", parked, attempts, Duration.between(t0, Instant.now()));
    } finally {
      lab().faults().clearAll();
    }
    JsonNode done = retryUntilEnded(parked);
    assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("succeeded");
    assertOnceInTheLab("dev-drop");
  }

  @Test
  @DisplayName("a leaf that refuses the login: the step parks after one attempt, then succeeds")
  void authRefused() {
    lab().faults().inject("leaves", new Fault.AuthRefused());
    JsonNode parked;
    try {
      Instant t0 = Instant.now();
      parked = awaitSettled(start("instance-spawn", vm("dev-auth")));
      assertParked(parked, FailureTypes.AUTHENTICATION_FAILED);
      figure("auth refused", parked, 1, Duration.between(t0, Instant.now()));
    } finally {
      lab().faults().clearAll();
    }
    JsonNode done = retryUntilEnded(parked);
    assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("succeeded");
    assertOnceInTheLab("dev-auth");
  }

  private void resetHypervisorLogs() {
    lab().devices().stream()
        .filter(d -> d.kind() == DeviceKind.HYPERVISOR)
        .forEach(d -> lab().hypervisorState(d.name()).resetCounters());
  }

  /** Appends what a case measured to {@code target/reliability/device-faults.txt}. */
  private static void figure(String fault, JsonNode parked, int attempts, Duration toPark) {
    JsonNode p = parked.path("pending").get(0);
    String line =
        fault
            + ": parked at "
            + p.path("step").asText()
            + "@"
            + p.path("target").asText()
            + " as "
            + p.path("errorType").asText()
            + " after "
            + attempts
            + " attempt(s), "
            + toPark.toMillis()
            + " ms after the start\n";
    try {
      Files.createDirectories(Path.of("target/reliability"));
      Files.writeString(
          Path.of("target/reliability/device-faults.txt"),
          line,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertParked(JsonNode run, String... errorTypes) {
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("needs_attention");
    // never a run without a decision: the parked run names what it waits for
    assertThat(run.path("pending")).as(run.toString()).isNotEmpty();
    JsonNode p = run.path("pending").get(0);
    assertThat(p.path("kind").asText()).isNotBlank();
    assertThat(p.path("step").asText()).isNotBlank();
    assertThat(p.path("errorType").asText()).as(p.toString()).isIn((Object[]) errorTypes);
    // the message names the device, not a secret
    assertThat(p.path("errorMessage").asText()).containsPattern("sha-(hv|leaf)\\d+");
  }

  private JsonNode retryUntilEnded(JsonNode parked) {
    String id = parked.path("id").asText();
    JsonNode run = parked;
    for (int round = 0; round < 5; round++) {
      for (JsonNode p : run.path("pending")) {
        var r =
            admin()
                .post(
                    "/api/v1/runs/" + id + "/retry-step",
                    Map.of(
                        "step", p.path("step").asText(),
                        "target", p.path("target").asText(),
                        "reason", "fault cleared"));
        assertThat(r.status()).as(r.raw()).isEqualTo(202);
      }
      run = awaitSettledAfterRetry(id);
      if (!run.path("status").asText().equals("needs_attention")) {
        return run;
      }
    }
    return run;
  }

  private JsonNode awaitSettledAfterRetry(String id) {
    // The retry is asynchronous: wait until the run has left needs_attention or parked again anew.
    for (int i = 0; i < 50; i++) {
      JsonNode run = admin().get("/api/v1/runs/" + id).body();
      if (!run.path("status").asText().equals("needs_attention")) {
        break;
      }
      sleep(100);
    }
    return awaitSettled(id);
  }

  private void assertOnceInTheLab(String name) {
    List<String> where =
        lab().devices().stream()
            .filter(d -> d.kind() == DeviceKind.HYPERVISOR)
            .filter(d -> lab().hypervisorState(d.name()).domains().containsKey(name))
            .map(LabDevice::name)
            .toList();
    assertThat(where).as("hypervisors holding " + name).hasSize(1);
    var hv = lab().hypervisorState(where.getFirst());
    var nics = hv.domains().get(name).interfaces();
    assertThat(nics).isNotEmpty();
    for (var nic : nics) {
      assertThat(hv.ovsPorts()).as("OVS port of " + name).containsKey(nic.target());
    }
  }

  /** The most times one command line reached one device of this kind. */
  private int maxRepeats(DeviceKind kind) {
    int max = 0;
    for (LabDevice d : lab().devices()) {
      if (d.kind() != kind) {
        continue;
      }
      List<String> log =
          kind == DeviceKind.HYPERVISOR
              ? lab().hypervisorState(d.name()).commandLog()
              : lab().switchState(d.name()).commandLog();
      Map<String, Long> counts =
          log.stream().collect(Collectors.groupingBy(l -> l, Collectors.counting()));
      for (long n : counts.values()) {
        max = Math.max(max, (int) n);
      }
    }
    return max;
  }

  private static Map<String, Object> vm(String name) {
    var p = new HashMap<String, Object>();
    p.put("site", "sha");
    p.put("name", name);
    p.put("vcpus", 1);
    p.put("memoryMiB", 256);
    p.put("networkLabel", "web");
    return p;
  }
}
