package io.longhaul.server.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Longhaul as its own JVM, started from this test's classpath with the server's main class (what
 * the packaged jar runs), so that a test can kill it with SIGKILL and start it again. Its output
 * goes to a log file the test reads.
 */
final class LonghaulProcess implements AutoCloseable {
  private final Map<String, String> env;
  private final Path log;
  private Process process;
  private Instant startedAt;
  private int logStart;

  LonghaulProcess(Map<String, String> env, Path log) {
    this.env = new LinkedHashMap<>(env);
    this.log = log;
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  LonghaulProcess start() throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("-Xmx768m");
    if (Runtime.version().feature() >= 24) {
      cmd.add("--enable-native-access=ALL-UNNAMED");
      cmd.add("--sun-misc-unsafe-memory-access=allow");
    }
    cmd.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "io.longhaul.server.LonghaulApplication"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().putAll(env);
    startedAt = Instant.now();
    logStart = Files.exists(log) ? (int) Files.size(log) : 0;
    process = pb.start();
    return this;
  }

  /** Waits until the process answers its health endpoint; returns how long that took. */
  Duration awaitHealthy(int port, Duration timeout) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("Longhaul exited with " + process.exitValue() + "; see " + log);
      }
      try {
        var r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return Duration.between(startedAt, Instant.now());
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("Longhaul did not become healthy in " + timeout + "; see " + log);
  }

  /** Waits until the log (of this start) has a line containing {@code marker}. */
  Duration awaitLog(String marker, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("Longhaul exited with " + process.exitValue() + "; see " + log);
      }
      String all = Files.readString(log);
      if (all.substring(Math.min(logStart, all.length())).contains(marker)) {
        return Duration.between(startedAt, Instant.now());
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no '" + marker + "' in " + log + " after " + timeout);
  }

  /** SIGKILL: no shutdown hook, no graceful stop of workers or the embedded Temporal server. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  Instant startedAt() {
    return startedAt;
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        kill9();
      }
    }
  }
}
