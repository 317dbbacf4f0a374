package io.longhaul.lab.mesh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Prometheus (Debian's {@code prometheus} package) scraping the lab mesh's metrics endpoints
 * every second, on a loopback port, with its data in the lab's state directory. The lab starts it
 * when the binary is installed; Longhaul queries it over its HTTP API as it would a production one.
 */
public final class PrometheusServer implements AutoCloseable {
  public static final Path BINARY = Path.of("/usr/bin/prometheus");
  private final Process process;
  private final URI uri;

  private PrometheusServer(Process process, URI uri) {
    this.process = process;
    this.uri = uri;
  }

  /**
   * Whether Debian's Prometheus is installed. When the test command installed it it sets {@code
   * LONGHAUL_PROMETHEUS=required}, and a missing binary is then an error, never a skipped test.
   */
  public static boolean available() {
    boolean installed = Files.isExecutable(BINARY);
    if (!installed && "required".equals(System.getenv("LONGHAUL_PROMETHEUS"))) {
      throw new IllegalStateException("LONGHAUL_PROMETHEUS=required, and there is no " + BINARY);
    }
    return installed;
  }

  /** Starts Prometheus scraping {@code targets} (one job per IDC) and waits until it is ready. */
  public static PrometheusServer start(List<MeshIdc> idcs, Path dir, Duration scrapeInterval) {
    try {
      Files.createDirectories(dir);
      StringBuilder config =
          new StringBuilder("global:\n  scrape_interval: ")
              .append(scrapeInterval.toMillis())
              .append("ms\n  evaluation_interval: ")
              .append(scrapeInterval.toMillis())
              .append("ms\nscrape_configs:\n");
      for (MeshIdc idc : idcs) {
        URI m = idc.metricsUri();
        config
            .append("  - job_name: mesh-")
            .append(idc.name())
            .append('\n')
            .append("    honor_labels: true\n    metrics_path: ")
            .append(m.getPath())
            .append('\n')
            .append("    static_configs:\n      - targets: ['")
            .append(m.getHost())
            .append(':')
            .append(m.getPort())
            .append("']\n        labels: {idc: '")
            .append(idc.name())
            .append("'}\n");
      }
      Path file = dir.resolve("prometheus.yml");
      Files.writeString(file, config);
      int port = freePort();
      Process p =
          new ProcessBuilder(
                  BINARY.toString(),
                  "--config.file=" + file,
                  "--storage.tsdb.path=" + dir.resolve("data"),
                  "--web.listen-address=127.0.0.1:" + port,
                  "--storage.tsdb.retention.time=1d")
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("prometheus.log").toFile())
              .start();
      PrometheusServer server = new PrometheusServer(p, URI.create("http://127.0.0.1:" + port));
      server.awaitReady(Duration.ofSeconds(60));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Its HTTP API's root, e.g. {@code http://127.0.0.1:40123} ({@code /api/v1/query_range}...). */
  public URI uri() {
    return uri;
  }

  private void awaitReady(Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("prometheus exited with " + process.exitValue());
      }
      try {
        HttpURLConnection c = (HttpURLConnection) uri.resolve("/-/ready").toURL().openConnection();
        c.setConnectTimeout(500);
        if (c.getResponseCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for prometheus", e);
      }
    }
    close();
    throw new IllegalStateException("prometheus not ready within " + wait);
  }

  private static int freePort() throws IOException {
    // Prometheus takes a port, not an ephemeral bind: a port the kernel just handed out is the
    // least likely to be taken again in the moment before Prometheus binds it.
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
