package io.longhaul.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.longhaul.db.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Production's shape on one machine: an api process that hosts the embedded Temporal server and a
 * separate worker-only process ({@code LONGHAUL_ROLES=worker}, as {@code ./longhaul worker} starts
 * it), killed with SIGKILL again and again while a storm of spawns runs.
 */
@Tag("reliability")
@DisplayName("Kill -9 loop of a separate worker during a spawn storm")
class WorkerKillLoopTest {
  static final int SPAWNS = 30;
  static final int KILLS = 3;

  @Test
  @Timeout(value = 12, unit = TimeUnit.MINUTES)
  @DisplayName("every spawn succeeds, no device change is applied twice and nothing is left behind")
  void killLoop() throws Exception {
    Path dir = Files.createTempDirectory("longhaul-workers");
    byte[] key = new byte[32];
    String dbUrl = TestDatabase.create();
    int port = LonghaulProcess.freePort();
    int temporalPort = LonghaulProcess.freePort();
    try (ExternalLab lab = ExternalLab.start(dir, dbUrl, TestDatabase.user(), key)) {
      Map<String, String> apiEnv = KillRestartTest.env(dir, dbUrl, port, temporalPort, lab, key);
      apiEnv.put("LONGHAUL_ROLES", "api");
      Map<String, String> workerEnv = new LinkedHashMap<>(apiEnv);
      workerEnv.put("LONGHAUL_ROLES", "worker");
      workerEnv.put("LONGHAUL_TEMPORAL_MODE", "external");
      workerEnv.put("LONGHAUL_TEMPORAL_TARGET", "127.0.0.1:" + temporalPort);
      workerEnv.put("LONGHAUL_WORKER_STICKYSCHEDULETOSTART", "PT0S");
      Map<String, Object> figures = new LinkedHashMap<>();
      try (LonghaulProcess api = new LonghaulProcess(apiEnv, dir.resolve("api.log")).start()) {
        api.awaitHealthy(port, Duration.ofMinutes(3));
        Path workerLog = dir.resolve("worker.log");
        LonghaulProcess worker = new LonghaulProcess(workerEnv, workerLog).start();
        worker.awaitLog("workers polling", Duration.ofMinutes(3));
        KillRestartTest.Scenario s = new KillRestartTest.Scenario(port, lab);
        JsonNode d =
            s.await(
                s.start("topology-discovery", Map.of("site", "sha")),
                KillRestartTest.Scenario.ended(),
                180);
        assertThat(d.path("status").asText()).as(d.toString()).isEqualTo("succeeded");

        Instant stormAt = Instant.now();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < SPAWNS; i++) {
          ids.add(
              s.start(
                  "instance-spawn",
                  KillRestartTest.Scenario.vm("sha", String.format("storm-%02d", i), "web")));
        }
        List<Double> restarts = new ArrayList<>();
        for (int k = 0; k < KILLS; k++) {
          Thread.sleep(4000);
          worker.kill9();
          worker = new LonghaulProcess(workerEnv, workerLog).start();
          restarts.add(
              KillRestartTest.seconds(worker.awaitLog("workers polling", Duration.ofMinutes(3))));
        }
        try {
          Map<String, String> ends = s.awaitAllEnded(Duration.ofMinutes(5));
          figures.put("runs", ends.size());
          figures.put(
              "finished", ends.values().stream().filter(KillRestartTest.ENDED::contains).count());
          figures.put("succeeded", ends.values().stream().filter("succeeded"::equals).count());
          figures.put("kills", KILLS);
          figures.put("worker restart until polling (s)", restarts);
          figures.put(
              "time to settle from the storm's start (s)",
              KillRestartTest.seconds(Duration.between(stormAt, Instant.now())));
          Map<String, Integer> duplicates = lab.duplicateChanges();
          Map<String, Integer> resent = lab.resentIdempotent();
          List<String> orphans = s.orphans();
          figures.put(
              "duplicate device changes", duplicates.values().stream().mapToInt(i -> i).sum());
          figures.put(
              "idempotent commands re-sent", resent.values().stream().mapToInt(i -> i).sum());
          figures.put("orphans", orphans.size());
          Files.createDirectories(Path.of("target/reliability"));
          Files.writeString(
              Path.of("target/reliability/worker-kill-loop.txt"),
              figures
                  + "\nduplicates: "
                  + duplicates
                  + "\nre-sent: "
                  + resent
                  + "\norphans: "
                  + orphans
                  + "\n");
          assertThat(ends.values()).as(ends.toString()).allMatch("succeeded"::equals);
          assertThat(duplicates).as("device changes applied twice").isEmpty();
          assertThat(orphans).as("orphans").isEmpty();
        } finally {
          worker.close();
        }
      }
    }
  }
}
