package io.longhaul.server.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.longhaul.server.support.LabServerTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A site marked degraded holds the disruptive steps of that site's runs at their next gate, visibly
 * and without failing them, while another site's runs go on; lifting the mark lets them finish.
 */
@DisplayName("A degraded site")
class SiteGatingEndToEndTest extends LabServerTestBase {

  long siteId(String code) {
    for (JsonNode s : admin().get("/api/v1/sites").body()) {
      if (s.path("code").asText().equals(code)) {
        return s.path("id").asLong();
      }
    }
    throw new AssertionError("no site " + code);
  }

  JsonNode await(String id, Predicate<JsonNode> ready) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    JsonNode run = admin().get("/api/v1/runs/" + id).body();
    while (!ready.test(run) && Instant.now().isBefore(deadline)) {
      sleep(200);
      run = admin().get("/api/v1/runs/" + id).body();
    }
    assertThat(ready.test(run)).as(run.toString()).isTrue();
    return run;
  }

  static Predicate<JsonNode> status(String status) {
    return r -> r.path("status").asText().equals(status);
  }

  static Map<String, Object> vms(String site, Object... more) {
    Map<String, Object> p = new HashMap<>();
    p.put("site", site);
    p.put("vcpus", 1);
    p.put("memoryMiB", 256);
    p.put("networkLabel", "web");
    for (int i = 0; i < more.length; i += 2) {
      p.put((String) more[i], more[i + 1]);
    }
    return p;
  }

  @Test
  @DisplayName(
      "pauses a running bulk spawn's next device step there, not another site's, until lifted")
  void pausesAndResumes() {
    for (String site : new String[] {"sha", "sin"}) {
      String d = start("topology-discovery", Map.of("site", site));
      assertThat(awaitSettled(d).path("status").asText()).isEqualTo("succeeded");
    }
    long sha = siteId("sha");
    var bad = admin().post("/api/v1/sites/" + sha + "/degrade", Map.of("reason", " "));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.raw()).contains("reason");
    assertThat(admin().get("/api/v1/sites/" + sha + "/health").body().path("degraded").asBoolean())
        .isFalse();

    String bulk =
        start("instance-spawn-bulk", vms("sha", "namePrefix", "gate", "count", 2, "batchSize", 2));
    var mark = admin().post("/api/v1/sites/" + sha + "/degrade", Map.of("reason", "leaf flapping"));
    assertThat(mark.status()).as(mark.raw()).isEqualTo(200);
    assertThat(mark.body().path("degraded").asBoolean()).isTrue();
    assertThat(mark.body().path("reason").asText()).isEqualTo("leaf flapping");

    // Both children stop at their first disruptive step, waiting for the mark, not failed.
    for (String child : new String[] {bulk + "-0001", bulk + "-0002"}) {
      JsonNode held =
          await(
              child, r -> status("waiting").test(r) && r.toString().contains("site-degraded:sha"));
      assertThat(held.path("progress").path("waitingForWindow").path("step").asText())
          .isEqualTo("define-start");
    }
    assertThat(admin().get("/api/v1/runs/" + bulk).body().path("status").asText())
        .isEqualTo("running");

    // Another site's spawn is not held.
    String other = start("instance-spawn", vms("sin", "name", "gate-sin"));
    assertThat(awaitSettled(other).path("status").asText()).isEqualTo("succeeded");

    var lift = admin().post("/api/v1/sites/" + sha + "/restore", Map.of("reason", "leaf replaced"));
    assertThat(lift.status()).as(lift.raw()).isEqualTo(200);
    assertThat(lift.body().path("degraded").asBoolean()).isFalse();
    JsonNode done = await(bulk, status("succeeded"));
    assertThat(done.path("status").asText()).isEqualTo("succeeded");
    for (String child : new String[] {bulk + "-0001", bulk + "-0002"}) {
      assertThat(admin().get("/api/v1/runs/" + child).body().path("status").asText())
          .isEqualTo("succeeded");
    }

    String audit = admin().get("/api/v1/audit").raw();
    assertThat(audit).contains("site.degrade", "site.restore", "leaf flapping", "leaf replaced");
  }
}
