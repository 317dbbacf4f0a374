package io.longhaul.server.window;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.longhaul.server.echo.EchoOperation;
import io.longhaul.server.support.ServerTestBase;
import io.longhaul.workers.WorkerRuntime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Windows, freezes and schedules through the REST API, against running workflows (real time). */
@DisplayName("Windows, freezes and schedules, end to end")
class WindowsEndToEndTest extends ServerTestBase {
  @Autowired WorkerRuntime workers;

  String startEcho(String site) {
    var r =
        admin()
            .post(
                "/api/v1/runs",
                Map.of(
                    "operation",
                    EchoOperation.NAME,
                    "params",
                    Map.of("message", "hi", "steps", 2, "site", site, "disruptive", true),
                    "reason",
                    "window test"));
    assertThat(r.status()).as(r.raw()).isEqualTo(202);
    return r.body().path("id").asText();
  }

  JsonNode awaitRun(String id, Predicate<JsonNode> done) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      JsonNode run = admin().get("/api/v1/runs/" + id).body();
      if (run != null && done.test(run)) {
        return run;
      }
      sleep(100);
    }
    throw new AssertionError("run " + id + ": " + admin().get("/api/v1/runs/" + id).raw());
  }

  static Predicate<JsonNode> status(String s) {
    return run -> s.equals(run.path("status").asText());
  }

  static Predicate<JsonNode> waitingFor(String what) {
    return run ->
        "waiting".equals(run.path("status").asText())
            && what.equals(
                run.path("progress").path("waitingForWindow").path("waitingFor").asText());
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Nested
  @DisplayName("freeze now")
  class FreezeNow {
    @Test
    @DisplayName(
        "halts disruptive steps of a running run; changes reach it while it waits; lifting resumes it")
    void haltsAndResumes() {
      var site =
          admin().post("/api/v1/freezes/now", Map.of("scope", "site:fz1", "reason", "incident"));
      assertThat(site.status()).as(site.raw()).isEqualTo(201);
      String run = startEcho("fz1");
      JsonNode waiting = awaitRun(run, waitingFor("freeze freeze-now:site:fz1"));
      assertThat(waiting.path("progress").path("waitingForWindow").path("opensAtMillis").isNull())
          .isTrue();

      // A global freeze on top: lifting the site's one leaves the run waiting for the global one.
      assertThat(admin().post("/api/v1/freezes/now", Map.of("reason", "all stop")).status())
          .isEqualTo(201);
      assertThat(admin().send("DELETE", "/api/v1/freezes/now?scope=site:fz1", null).status())
          .isEqualTo(200);
      awaitRun(run, waitingFor("freeze freeze-now:global"));

      assertThat(admin().send("DELETE", "/api/v1/freezes/now", null).status()).isEqualTo(200);
      JsonNode done = awaitRun(run, status("succeeded"));
      assertThat(done.toString()).contains("\"kind\":\"waiting\"", "\"kind\":\"window_open\"");
    }
  }

  @Nested
  @DisplayName("a window")
  class Window {
    @Test
    @DisplayName("holds a run started outside it, visibly, and a change to it reaches the run")
    void holdsThenOpens() {
      ZonedDateTime later = ZonedDateTime.now(ZoneOffset.UTC).plusHours(3);
      var created =
          admin()
              .post(
                  "/api/v1/windows",
                  Map.of(
                      "name",
                      "w-later",
                      "scopes",
                      List.of("site:w1"),
                      "cron",
                      later.getMinute() + " " + later.getHour() + " * * *",
                      "durationMinutes",
                      30,
                      "zone",
                      "UTC"));
      assertThat(created.status()).as(created.raw()).isEqualTo(201);
      long id = created.body().path("id").asLong();
      String run = startEcho("w1");
      JsonNode waiting = awaitRun(run, waitingFor("window w-later"));
      assertThat(waiting.path("progress").path("waitingForWindow").path("opensAtMillis").asLong())
          .isGreaterThan(System.currentTimeMillis());

      var open = admin().get("/api/v1/windows/open?scope=site:w1&days=7").body();
      assertThat(open.path("openNow").asBoolean()).isFalse();
      assertThat(open.path("openings")).hasSize(7);

      var now =
          admin()
              .send(
                  "PUT",
                  "/api/v1/windows/" + id,
                  Map.of(
                      "name",
                      "w-later",
                      "scopes",
                      List.of("site:w1"),
                      "cron",
                      "* * * * *",
                      "durationMinutes",
                      5,
                      "zone",
                      "UTC"));
      assertThat(now.status()).as(now.raw()).isEqualTo(200);
      awaitRun(run, status("succeeded"));
    }

    @Test
    @DisplayName("refuses a bad recurrence or zone with 400 naming the field, changing nothing")
    void validation() {
      int before = admin().get("/api/v1/windows").body().size();
      var badRule =
          admin()
              .post(
                  "/api/v1/windows",
                  Map.of(
                      "name",
                      "bad",
                      "scopes",
                      List.of("site:x"),
                      "rrule",
                      "FREQ=HOURLY",
                      "anchor",
                      "2026-01-01T00:00",
                      "durationMinutes",
                      10,
                      "zone",
                      "UTC"));
      assertThat(badRule.status()).isEqualTo(400);
      assertThat(badRule.raw()).contains("rrule");
      var badZone =
          admin()
              .post(
                  "/api/v1/windows",
                  Map.of(
                      "name",
                      "bad",
                      "scopes",
                      List.of("site:x"),
                      "cron",
                      "0 1 * * *",
                      "durationMinutes",
                      10,
                      "zone",
                      "Mars/Base"));
      assertThat(badZone.status()).isEqualTo(400);
      assertThat(badZone.raw()).contains("zone");
      var badCron =
          admin()
              .post(
                  "/api/v1/windows",
                  Map.of(
                      "name",
                      "bad",
                      "scopes",
                      List.of("site:x"),
                      "cron",
                      "0 25 * * *",
                      "durationMinutes",
                      10,
                      "zone",
                      "UTC"));
      assertThat(badCron.status()).isEqualTo(400);
      assertThat(badCron.raw()).contains("cron");
      assertThat(admin().get("/api/v1/windows").body().size()).isEqualTo(before);
    }
  }

  @Nested
  @DisplayName("a schedule")
  class Schedules {
    Map<String, Object> schedule(String name) {
      return Map.of(
          "name", name,
          "operation", EchoOperation.NAME,
          "params", Map.of("message", "scheduled", "steps", 1),
          "reason", "nightly echo",
          "cron", "0 3 1 1 *",
          "zone", "Europe/Berlin",
          "overlap", "allow_all");
    }

    @Test
    @DisplayName(
        "starts runs for the schedule's owner via the schedule on trigger-now, also after a worker"
            + " restart")
    void triggersAndSurvivesRestart() {
      var created = admin().post("/api/v1/schedules", schedule("s-trigger"));
      assertThat(created.status()).as(created.raw()).isEqualTo(201);
      long id = created.body().path("id").asLong();
      var view = admin().get("/api/v1/schedules/" + id).body();
      assertThat(view.path("nextFireTimes").get(0).asText()).endsWith("T02:00:00Z");

      assertThat(admin().post("/api/v1/schedules/" + id + "/trigger", Map.of()).status())
          .isEqualTo(202);
      awaitRuns("s-trigger", 1);

      workers.stop();
      workers.start();
      assertThat(admin().post("/api/v1/schedules/" + id + "/trigger", Map.of()).status())
          .isEqualTo(202);
      awaitRuns("s-trigger", 2);
    }

    @Test
    @DisplayName("refuses a bad cron or params with 400 naming the field")
    void validation() {
      var body = new java.util.HashMap<>(schedule("s-bad"));
      body.put("cron", "nope");
      var r = admin().post("/api/v1/schedules", body);
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.raw()).contains("cron");
      body.put("cron", "0 3 * * *");
      body.put("params", Map.of("steps", 1));
      assertThat(admin().post("/api/v1/schedules", body).raw()).contains("params");
    }

    void awaitRuns(String schedule, int count) {
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      while (Instant.now().isBefore(deadline)) {
        JsonNode page = admin().get("/api/v1/runs?requestedBy=admin").body();
        long succeeded = 0;
        for (JsonNode run : page.path("items")) {
          if (schedule.equals(run.path("viaSchedule").asText())
              && "succeeded".equals(run.path("status").asText())) {
            succeeded++;
          }
        }
        if (succeeded >= count) {
          return;
        }
        sleep(200);
      }
      throw new AssertionError(
          "no " + count + " runs via " + schedule + ": " + admin().get("/api/v1/runs").raw());
    }
  }
}
