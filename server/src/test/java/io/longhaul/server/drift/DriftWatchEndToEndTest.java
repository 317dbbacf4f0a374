package io.longhaul.server.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.longhaul.server.support.LabServerTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.TestPropertySource;

/**
 * The drift watch against the lab: a spawned instance's domain paused, resumed and removed by hand
 * at the host is seen, and the instance is marked degraded, active again and missing; a domain
 * defined outside Longhaul is listed and left alone.
 */
@TestPropertySource(
    properties = {"longhaul.drift.interval=PT1S", "longhaul.drift.checks-per-execution=5"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Drift watch against the demo lab")
class DriftWatchEndToEndTest extends LabServerTestBase {
  static String host;

  JsonNode instance(String name) {
    for (JsonNode i : admin().get("/api/v1/instances?site=sha").body()) {
      if (i.path("name").asText().equals(name)) {
        return i;
      }
    }
    return null;
  }

  JsonNode await(String what, java.util.function.Supplier<JsonNode> read, Predicate<JsonNode> ok) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    JsonNode last = read.get();
    while (!ok.test(last) && Instant.now().isBefore(deadline)) {
      sleep(200);
      last = read.get();
    }
    assertThat(ok.test(last)).as(what + ": " + last).isTrue();
    return last;
  }

  @Test
  @Order(1)
  @DisplayName("a spawned instance is active, and stays so while its domain runs")
  void spawn() {
    JsonNode discovery = awaitSettled(start("topology-discovery", Map.of("site", "sha")));
    assertThat(discovery.path("status").asText()).as(discovery.toString()).isEqualTo("succeeded");
    JsonNode run =
        awaitSettled(
            start(
                "instance-spawn",
                Map.of(
                    "site",
                    "sha",
                    "name",
                    "vm-drift",
                    "vcpus",
                    1,
                    "memoryMiB",
                    256,
                    "networkLabel",
                    "web")));
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
    JsonNode vm = instance("vm-drift");
    host = vm.path("hypervisor").asText();
    // a check has looked at it and found nothing wrong
    vm = await("checked", () -> instance("vm-drift"), i -> !i.path("driftCheckedAt").isNull());
    assertThat(vm.path("state").asText()).isEqualTo("active");
    assertThat(vm.path("drift").isNull()).isTrue();
  }

  @Test
  @Order(2)
  @DisplayName("paused by hand: degraded, saying so; resumed: active again")
  void pausedAndResumed() {
    lab().hypervisorState(host).byHand("vm-drift", "paused");
    JsonNode vm =
        await(
            "degraded",
            () -> instance("vm-drift"),
            i -> i.path("state").asText().equals("degraded"));
    assertThat(vm.path("drift").asText()).contains("vm-drift is paused on " + host);
    lab().hypervisorState(host).byHand("vm-drift", "running");
    vm =
        await("active", () -> instance("vm-drift"), i -> i.path("state").asText().equals("active"));
    assertThat(vm.path("drift").isNull()).isTrue();
  }

  @Test
  @Order(3)
  @DisplayName("destroyed and undefined by hand: missing; the delete still cleans up")
  void goneByHand() {
    lab().hypervisorState(host).byHand("vm-drift", "gone");
    JsonNode vm =
        await(
            "missing", () -> instance("vm-drift"), i -> i.path("state").asText().equals("missing"));
    assertThat(vm.path("drift").asText()).contains("no domain vm-drift on " + host);
    JsonNode delete = awaitSettled(start("instance-delete", Map.of("name", "vm-drift")));
    assertThat(delete.path("status").asText()).as(delete.toString()).isEqualTo("succeeded");
    assertThat(instance("vm-drift")).isNull();
    // its boot volumes went too, though the domain that named them was gone
    assertThat(lab().hypervisorState(host).volumes("longhaul"))
        .noneMatch(v -> v.startsWith("vm-drift-"));
  }

  @Test
  @Order(4)
  @DisplayName("a domain defined outside Longhaul is reported, never touched")
  void foreignDomain() {
    var hv = lab().hypervisorState("sha-hv02");
    hv.defineForeign("legacy-db", 2, 2048);
    hv.resetCounters();
    JsonNode listed =
        await(
            "reported",
            () -> admin().get("/api/v1/instances/unaccounted-domains?site=sha").body(),
            l -> l.findValuesAsText("name").contains("legacy-db"));
    for (JsonNode d : listed) {
      if (d.path("name").asText().equals("legacy-db")) {
        assertThat(d.path("hypervisor").asText()).isEqualTo("sha-hv02");
        assertThat(d.path("state").asText()).isEqualTo("shut off");
        assertThat(d.path("ownerChange").isNull()).isTrue();
      }
    }
    sleep(2_000); // more checks
    assertThat(hv.domains()).containsKey("legacy-db");
    assertThat(hv.commandLog())
        .isNotEmpty()
        .noneMatch(c -> c.contains("legacy-db") && !c.contains("dumpxml"));
    assertThat(admin().get("/api/v1/instances/unaccounted-domains?site=A%20B").status())
        .isEqualTo(400);
  }
}
