package io.longhaul.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.longhaul.db.testing.TestDatabase;
import io.longhaul.lab.fault.Fault;
import io.longhaul.server.support.ApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Kill -9 of the whole Longhaul process (api, worker and the embedded Temporal server, which keeps
 * history in memory only) with runs in every state, then a restart against the same PostgreSQL. The
 * lab runs in this JVM, so its devices, their state and their command logs outlive the kill and
 * count every device change. Figures go to {@code target/reliability/kill-restart.txt}.
 */
@Tag("reliability")
@DisplayName("Kill -9 of the default run and restart")
class KillRestartTest {
  static final String PASSWORD = "reliability-admin-password";
  // 200 unless asked otherwise (a quicker look while debugging the suite itself).
  static final int PARKED_RUNS = Integer.getInteger("longhaul.reliability.parked-runs", 200);
  static final Set<String> ENDED =
      Set.of("succeeded", "failed", "cancelled", "terminated", "timed_out", "aborted");

  @Test
  @Timeout(value = 12, unit = java.util.concurrent.TimeUnit.MINUTES)
  @DisplayName(
      "every run reaches its end after the restart, no device change is applied twice and nothing"
          + " is left behind")
  void killAndRestart() throws Exception {
    Path dir = Files.createTempDirectory("longhaul-kill");
    byte[] key = new byte[32];
    String dbUrl = TestDatabase.create();
    int port = LonghaulProcess.freePort();
    try (ExternalLab lab = ExternalLab.start(dir, dbUrl, TestDatabase.user(), key)) {
      Map<String, String> env = env(dir, dbUrl, port, LonghaulProcess.freePort(), lab, key);
      Path log = dir.resolve("longhaul.log");
      Map<String, Object> figures = new LinkedHashMap<>();
      LonghaulProcess first = new LonghaulProcess(env, log).start();
      try {
        figures.put("first start (s)", seconds(first.awaitHealthy(port, Duration.ofMinutes(3))));
        Scenario s = new Scenario(port, lab, temporalPort(env));
        s.prepare();
        s.inFlight();
        first.kill9();
      } finally {
        first.close();
      }
      Instant killedAt = Instant.now();
      try (LonghaulProcess second = new LonghaulProcess(env, log).start()) {
        Duration healthy = second.awaitHealthy(port, Duration.ofMinutes(3));
        figures.put("restart until healthy (s)", seconds(healthy));
        Scenario s = new Scenario(port, lab, temporalPort(env));
        s.reload();
        Duration resumed = s.awaitParkedAgain(killedAt);
        figures.put("resume of " + PARKED_RUNS + " parked runs after kill (s)", seconds(resumed));
        figures.put("resume pass as logged", resumeLine(second.log()));
        Instant settleFrom = Instant.now();
        s.decide();
        Map<String, String> ends = s.awaitAllEnded(Duration.ofMinutes(5));
        figures.put(
            "time to settle after decisions (s)",
            seconds(Duration.between(settleFrom, Instant.now())));
        figures.put("runs", ends.size());
        figures.put("finished", ends.values().stream().filter(ENDED::contains).count());
        Map<String, Integer> duplicates = lab.duplicateChanges();
        figures.put(
            "duplicate device changes", duplicates.values().stream().mapToInt(i -> i).sum());
        Map<String, Integer> resent = lab.resentIdempotent();
        figures.put("idempotent commands re-sent", resent.values().stream().mapToInt(i -> i).sum());
        List<String> orphans = s.orphans();
        figures.put("orphans", orphans.size());
        Files.createDirectories(Path.of("target/reliability"));
        Files.writeString(
            Path.of("target/reliability/kill-restart.txt"),
            figures
                + "\nends: "
                + s.summary(ends)
                + "\nduplicates: "
                + duplicates
                + "\nre-sent: "
                + resent
                + "\norphans: "
                + orphans
                + "\n");
        assertThat(s.expectedEnds(ends)).as("runs that did not end as expected").isEmpty();
        assertThat(duplicates).as("device changes applied twice").isEmpty();
        assertThat(orphans).as("orphans").isEmpty();
      }
    }
  }

  /** The environment of a Longhaul process against this test's database and lab. */
  static Map<String, String> env(
      Path dir, String dbUrl, int port, int temporalPort, ExternalLab lab, byte[] key) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("LONGHAUL_DB_URL", dbUrl);
    env.put("LONGHAUL_DB_USER", TestDatabase.user());
    env.put("LONGHAUL_DB_PASSWORD", TestDatabase.password());
    env.put("LONGHAUL_PORT", String.valueOf(port));
    env.put("LONGHAUL_TEMPORAL_EMBEDDED_PORT", String.valueOf(temporalPort));
    env.put("LONGHAUL_ADMIN_PASSWORD", PASSWORD);
    env.put("LONGHAUL_LAB_ENABLED", "false");
    // the suite counts the commands each host received; the drift watch's reads are not its subject
    env.put("LONGHAUL_DRIFT_ENABLED", "false");
    env.put("LONGHAUL_SSH_KNOWN_HOSTS", lab.knownHosts.toString());
    env.put("LONGHAUL_CREDENTIALS_KEY", Base64.getEncoder().encodeToString(key));
    env.put("LONGHAUL_CREDENTIAL_KEY_FILE", dir.resolve("credential.key").toString());
    env.put("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "10");
    // The test-only echo operation (it holds named leases), added to the server's sources.
    env.put("SPRING_MAIN_SOURCES", "io.longhaul.server.echo.EchoOperation");
    return env;
  }

  /**
   * Domains or OVS ports without an active instance, instances without a domain ({@code lost}:
   * those whose domain is known to be gone, reported as drift instead).
   */
  static List<String> orphans(
      ApiClient admin, Map<String, String> domains, int ovsPorts, Set<String> lost) {
    List<String> out = new ArrayList<>();
    Set<String> active = new TreeSet<>();
    for (JsonNode i : admin.get("/api/v1/instances").body()) {
      if (i.path("state").asText().equals("active")) {
        active.add(i.path("name").asText());
      } else {
        out.add("instance " + i.path("name").asText() + " is " + i.path("state").asText());
      }
    }
    domains.keySet().stream().filter(d -> !active.contains(d)).forEach(d -> out.add("domain " + d));
    active.stream()
        .filter(a -> !domains.containsKey(a) && !lost.contains(a))
        .forEach(a -> out.add("no domain for " + a));
    if (ovsPorts != domains.size()) {
      out.add(ovsPorts + " OVS ports for " + domains.size() + " domains");
    }
    return out;
  }

  static int temporalPort(Map<String, String> env) {
    return Integer.parseInt(env.get("LONGHAUL_TEMPORAL_EMBEDDED_PORT"));
  }

  static String resumeLine(String log) {
    return log.lines()
        .filter(l -> l.contains("at start:"))
        .reduce((a, b) -> b)
        .map(l -> l.substring(l.indexOf("at start:")))
        .orElse("none");
  }

  static double seconds(Duration d) {
    return Math.round(d.toMillis() / 100.0) / 10.0;
  }

  /** The runs the test starts, what it expects of each, and the decisions that end them. */
  static final class Scenario {
    static final String LEASE = "switch:rel-lease";
    final ApiClient admin;
    final ExternalLab lab;
    final int port;
    final int temporalPort;
    final Map<String, String> expected = new LinkedHashMap<>();
    final Map<String, String> ids = new LinkedHashMap<>();
    final List<String> parked = new ArrayList<>();
    ApiClient approver;
    long window;

    Scenario(int port, ExternalLab lab) {
      this(port, lab, -1);
    }

    Scenario(int port, ExternalLab lab, int temporalPort) {
      this.temporalPort = temporalPort;
      this.port = port;
      this.admin = ApiClient.basic(port, "admin", PASSWORD);
      this.lab = lab;
    }

    void prepare() {
      var u =
          admin.post(
              "/api/v1/users",
              Map.of("username", "rel-approver", "password", PASSWORD, "role", "approver"));
      assertThat(u.status()).as(u.raw()).isEqualTo(201);
      for (String site : List.of("sha", "sin")) {
        JsonNode d = await(start("topology-discovery", Map.of("site", site)), ended(), 120);
        assertThat(d.path("status").asText()).as(d.toString()).isEqualTo("succeeded");
      }
      JsonNode base = await(start("instance-spawn", vm("sha", "rel-base", "web")), ended(), 120);
      assertThat(base.path("status").asText()).as(base.toString()).isEqualTo("succeeded");
    }

    /** Runs in every state at the moment of the kill. */
    void inFlight() {
      var later = OffsetDateTime.now(ZoneOffset.UTC).plusHours(3);
      var w =
          admin.post(
              "/api/v1/windows",
              Map.of(
                  "name",
                  "sin-later",
                  "scopes",
                  List.of("site:sin"),
                  "cron",
                  later.getMinute() + " " + later.getHour() + " * * *",
                  "durationMinutes",
                  30,
                  "zone",
                  "UTC"));
      assertThat(w.status()).as(w.raw()).isEqualTo(201);
      track("window", start("instance-spawn", vm("sin", "rel-window", "web")), "succeeded");
      await(ids.get("window"), status("waiting"), 120);

      track(
          "approval",
          start("instance-spawn", vm("sha", "rel-approve", "web", "requireApproval", true)),
          "succeeded");
      await(ids.get("approval"), status("awaiting_approval"), 120);

      // One run holds a named lease (and waits for a signal), another waits for that lease.
      track("lease-holder", start("test-echo", echo("rel-lease-holder")), "succeeded");
      awaitLease(ids.get("lease-holder"));
      track("lease-waiter", start("test-echo", echo("rel-lease-waiter")), "succeeded");
      await(ids.get("lease-waiter"), status("waiting"), 120);

      lab.lab
          .faults()
          .inject("leaves", new Fault.CommandFails("switchport trunk allowed vlan add"));
      track("parked", start("instance-spawn", vm("sha", "rel-parked", "test-env")), "succeeded");
      await(ids.get("parked"), status("needs_attention"), 180);
      lab.lab.faults().clearAll();

      for (int i = 0; i < PARKED_RUNS; i++) {
        // A name that exists: each parks at validate, a database step, as the review's vm-1 did.
        String id = start("instance-spawn", vm("sha", "rel-base", "web"));
        parked.add(id);
        expected.put(id, "aborted");
      }
      for (String id : parked) {
        await(id, status("needs_attention"), 180);
      }

      lab.lab.faults().inject("hypervisors", new Fault.Latency(Duration.ofMillis(1500)));
      track("running", start("instance-spawn", vm("sha", "rel-running", "db")), "succeeded");
      Map<String, Object> bulk = vm("sha", null, "web");
      bulk.remove("name");
      bulk.put("namePrefix", "rel-bulk");
      bulk.put("count", 6);
      bulk.put("batchSize", 3);
      track("bulk", start("instance-spawn-bulk", bulk), "succeeded");
      await(ids.get("running"), r -> r.toString().contains("\"define-start\""), 120);
      await(ids.get("bulk") + "-0001", r -> r.toString().contains("\"define-start\""), 120);
    }

    /** After the restart: the same runs, found again by their names. */
    void reload() {
      for (JsonNode r : page("/api/v1/runs?limit=500")) {
        JsonNode params = r.path("params");
        String name =
            params
                .path("name")
                .asText(params.path("namePrefix").asText(params.path("prefix").asText()));
        String id = r.path("id").asText();
        String op = r.path("operation").asText();
        if (op.equals("topology-discovery") || id.matches(".*-\\d{4}$")) {
          continue;
        }
        switch (name) {
          case "rel-window" -> track("window", id, "succeeded");
          case "rel-approve" -> track("approval", id, "succeeded");
          case "rel-parked" -> track("parked", id, "succeeded");
          case "rel-running" -> track("running", id, "succeeded");
          case "rel-bulk" -> track("bulk", id, "succeeded");
          case "rel-lease-holder" -> track("lease-holder", id, "succeeded");
          case "rel-lease-waiter" -> track("lease-waiter", id, "succeeded");
          case "rel-base" -> {
            if (!r.path("status").asText().equals("succeeded")) {
              parked.add(id);
              expected.put(id, "aborted");
            }
          }
          default -> {}
        }
      }
      for (JsonNode w : admin.get("/api/v1/windows").body()) {
        if (w.path("name").asText().equals("sin-later")) {
          window = w.path("id").asLong();
        }
      }
      approver = ApiClient.basic(port, "rel-approver", PASSWORD);
      assertThat(parked).hasSize(PARKED_RUNS);
    }

    /** How long after the kill until every parked run waits again, resumed. */
    Duration awaitParkedAgain(Instant killedAt) {
      for (String id : parked) {
        await(
            id,
            r -> status("needs_attention").test(r) && r.toString().contains("\"resumed\""),
            300);
      }
      return Duration.between(killedAt, Instant.now());
    }

    void decide() {
      lab.lab.faults().clearAll();
      // The waiter was resumed waiting for the lease the resumed holder took again.
      JsonNode waiter =
          await(
              ids.get("lease-waiter"),
              r -> status("waiting").test(r) && r.toString().contains("\"resumed\""),
              120);
      assertThat(waiter.path("progress").path("waitingForLeases").toString()).contains(LEASE);
      awaitLease(ids.get("lease-holder"));
      proceed(ids.get("lease-holder"));
      awaitLease(ids.get("lease-waiter"));
      proceed(ids.get("lease-waiter"));
      var a =
          approver.post(
              "/api/v1/runs/" + ids.get("approval") + "/approve",
              Map.of(
                  "step",
                  "approve-overlay",
                  "target",
                  "rel-approve",
                  "reason",
                  "after the restart"));
      assertThat(a.status()).as(a.raw()).isEqualTo(202);
      JsonNode p = await(ids.get("parked"), status("needs_attention"), 60);
      for (JsonNode pending : p.path("pending")) {
        var r =
            admin.post(
                "/api/v1/runs/" + ids.get("parked") + "/retry-step",
                Map.of(
                    "step", pending.path("step").asText(),
                    "target", pending.path("target").asText(),
                    "reason", "fault cleared"));
        assertThat(r.status()).as(r.raw()).isEqualTo(202);
      }
      var moved =
          admin.send(
              "PUT",
              "/api/v1/windows/" + window,
              Map.of(
                  "name", "sin-later",
                  "scopes", List.of("site:sin"),
                  "cron", "* * * * *",
                  "durationMinutes", 30,
                  "zone", "UTC"));
      assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
      for (String id : parked) {
        var r = admin.post("/api/v1/runs/" + id + "/abort", Map.of("reason", "duplicate name"));
        assertThat(r.status()).as(r.raw()).isEqualTo(202);
      }
    }

    Map<String, String> awaitAllEnded(Duration timeout) {
      Instant deadline = Instant.now().plus(timeout);
      Map<String, String> ends = new LinkedHashMap<>();
      while (Instant.now().isBefore(deadline)) {
        ends.clear();
        for (JsonNode r : page("/api/v1/runs?limit=500")) {
          ends.put(r.path("id").asText(), r.path("status").asText());
        }
        if (ends.values().stream().allMatch(ENDED::contains)) {
          return ends;
        }
        sleep(500);
      }
      return ends;
    }

    /** Runs whose end is not the one expected, with what they ended as. */
    Map<String, String> expectedEnds(Map<String, String> ends) {
      Map<String, String> wrong = new LinkedHashMap<>();
      ends.forEach(
          (id, status) -> {
            String want = expected.getOrDefault(id, "succeeded");
            if (!want.equals(status)) {
              wrong.put(id, status + " (expected " + want + ")");
            }
          });
      return wrong;
    }

    String summary(Map<String, String> ends) {
      Map<String, Integer> by = new java.util.TreeMap<>();
      ends.values().forEach(s -> by.merge(s, 1, Integer::sum));
      return by.toString();
    }

    /** Domains or OVS ports without an active instance, instances without a domain. */
    List<String> orphans() {
      return KillRestartTest.orphans(admin, lab.domains(), lab.ovsPorts(), Set.of());
    }

    static Map<String, Object> echo(String prefix) {
      return Map.of(
          "message",
          prefix,
          "steps",
          1,
          "prefix",
          prefix,
          "leases",
          List.of(LEASE),
          "waitForSignal",
          true);
    }

    /** Waits until {@code run} holds the lease. */
    void awaitLease(String run) {
      Instant deadline = Instant.now().plusSeconds(120);
      while (Instant.now().isBefore(deadline)) {
        JsonNode list = admin.get("/api/v1/leases?name=" + LEASE).body();
        if (list != null && !list.isEmpty() && run.equals(list.get(0).path("holderRun").asText())) {
          return;
        }
        sleep(200);
      }
      throw new AssertionError(
          run
              + " never held "
              + LEASE
              + ": "
              + admin.get("/api/v1/leases?name=" + LEASE).raw()
              + "\nholder: "
              + admin.get("/api/v1/runs/" + ids.get("lease-holder")).raw()
              + "\nwaiter: "
              + admin.get("/api/v1/runs/" + ids.get("lease-waiter")).raw());
    }

    /** The echo run's signal, sent to the process's embedded Temporal server. */
    void proceed(String run) {
      var stubs =
          io.temporal.serviceclient.WorkflowServiceStubs.newServiceStubs(
              io.temporal.serviceclient.WorkflowServiceStubsOptions.newBuilder()
                  .setTarget("127.0.0.1:" + temporalPort)
                  .build());
      try {
        io.temporal.client.WorkflowClient.newInstance(stubs)
            .newWorkflowStub(io.longhaul.server.echo.EchoWorkflow.class, run)
            .proceed();
      } finally {
        stubs.shutdownNow();
      }
    }

    private void track(String key, String id, String end) {
      ids.put(key, id);
      expected.put(id, end);
    }

    private List<JsonNode> page(String path) {
      List<JsonNode> out = new ArrayList<>();
      JsonNode body = admin.get(path).body();
      JsonNode items = body.has("items") ? body.path("items") : body;
      items.forEach(out::add);
      String cursor = body.path("next").asText(null);
      while (cursor != null && !cursor.isEmpty() && !cursor.equals("null")) {
        body = admin.get(path + "&cursor=" + cursor).body();
        body.path("items").forEach(out::add);
        cursor = body.path("next").asText(null);
      }
      return out;
    }

    String start(String operation, Map<String, Object> params) {
      var r =
          admin.post(
              "/api/v1/runs",
              Map.of("operation", operation, "params", params, "reason", "reliability suite"));
      assertThat(r.status()).as(r.raw()).isEqualTo(202);
      return r.body().path("id").asText();
    }

    JsonNode await(String id, Predicate<JsonNode> done, int seconds) {
      Instant deadline = Instant.now().plusSeconds(seconds);
      JsonNode run = null;
      while (Instant.now().isBefore(deadline)) {
        var r = admin.get("/api/v1/runs/" + id);
        run = r.body();
        if (r.status() == 200 && done.test(run)) {
          return run;
        }
        sleep(200);
      }
      throw new AssertionError("run " + id + " did not get there: " + run);
    }

    static Predicate<JsonNode> status(String s) {
      return r -> s.equals(r.path("status").asText());
    }

    static Predicate<JsonNode> ended() {
      return r -> ENDED.contains(r.path("status").asText());
    }

    static Map<String, Object> vm(String site, String name, String label, Object... more) {
      var p = new HashMap<String, Object>();
      p.put("site", site);
      if (name != null) {
        p.put("name", name);
      }
      p.put("vcpus", 1);
      p.put("memoryMiB", 256);
      p.put("networkLabel", label);
      for (int i = 0; i < more.length; i += 2) {
        p.put((String) more[i], more[i + 1]);
      }
      return p;
    }

    static void sleep(long ms) {
      try {
        Thread.sleep(ms);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
