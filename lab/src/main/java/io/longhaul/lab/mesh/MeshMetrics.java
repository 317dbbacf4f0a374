package io.longhaul.lab.mesh;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The IDC's metrics in Prometheus's text exposition format, under the names Istio uses: per
 * workload namespace and sidecar revision {@code istio_requests_total} and {@code
 * istio_request_duration_milliseconds_bucket}; per istiod revision {@code
 * pilot_proxy_convergence_time_bucket}, {@code pilot_xds_pushes}, {@code pilot_total_xds_rejects},
 * {@code pilot_xds} (connected proxies) and the lab's {@code pilot_push_queue_pending}. Counters
 * grow with the time between scrapes at rates the revision's faults set, with noise, so that canary
 * and baseline differ only where a fault makes them differ.
 */
final class MeshMetrics implements AutoCloseable {
  static final double[] LATENCY_MS = {5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000};
  static final double[] CONVERGENCE_S = {0.1, 0.5, 1, 3, 5, 10, 20, 30};
  private static final double REQUESTS_PER_POD_PER_S = 10;
  private static final double PUSHES_PER_S = 5;

  private final MeshIdc idc;
  private final HttpServer server;
  private final Random random = new Random(16);
  private final Map<String, double[]> counters = new TreeMap<>();
  private long lastNanos = System.nanoTime();

  MeshMetrics(MeshIdc idc) {
    this.idc = idc;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/metrics",
        ex -> {
          byte[] body;
          int code;
          if (idc.down()) {
            code = 503;
            body = "IDC down\n".getBytes(StandardCharsets.UTF_8);
          } else {
            code = 200;
            body = scrape().getBytes(StandardCharsets.UTF_8);
          }
          ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
          ex.sendResponseHeaders(code, body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  URI uri() {
    return URI.create(
        "http://"
            + server.getAddress().getHostString()
            + ":"
            + server.getAddress().getPort()
            + "/metrics");
  }

  /** Advances every counter by the time since the last scrape and writes them all. */
  synchronized String scrape() {
    long now = System.nanoTime();
    double dt = Math.min(10, (now - lastNanos) / 1e9);
    lastNanos = now;
    idc.podsView()
        .forEach(
            (cluster, namespaces) ->
                namespaces.forEach(
                    (ns, revs) -> revs.forEach((rev, n) -> requests(cluster, ns, rev, n, dt))));
    idc.istiods().values().forEach(s -> pushes(s, dt));
    return render();
  }

  private void requests(String cluster, String ns, String rev, int pods, double dt) {
    double reqs = REQUESTS_PER_POD_PER_S * pods * dt * noise(0.2);
    double errors =
        reqs * (idc.has(rev, MeshFault.ERRORS_5XX) ? 0.25 : 0.001 * random.nextDouble());
    String series =
        "{reporter=\"destination\",source_workload=\"frontend\",destination_workload=\"app\","
            + "destination_workload_namespace=\""
            + ns
            + "\",destination_cluster=\""
            + cluster
            + "\",revision=\""
            + rev
            + "\"";
    add("istio_requests_total" + series + ",response_code=\"200\"}", reqs - errors);
    add("istio_requests_total" + series + ",response_code=\"503\"}", errors);
    // Exponentially distributed latencies: the mean moves with the fault, noise with the scrape.
    double mean = (idc.has(rev, MeshFault.SLOWER_REQUESTS) ? 40 : 20) * noise(0.15);
    histogram("istio_request_duration_milliseconds", series, LATENCY_MS, mean, reqs);
  }

  private void pushes(IstiodState s, double dt) {
    if (s.replicas() == 0) {
      return;
    }
    String series = "{revision=\"" + s.revision() + "\"";
    double pushes = PUSHES_PER_S * dt * noise(0.2);
    add("pilot_xds_pushes" + series + ",type=\"eds\"}", pushes);
    add(
        "pilot_total_xds_rejects" + series + ",type=\"cds\"}",
        idc.has(s.revision(), MeshFault.CONFIG_REJECTS) ? 2 * dt : 0);
    double mean = (idc.has(s.revision(), MeshFault.SLOW_PUSH) ? 4 : 0.05) * noise(0.15);
    histogram("pilot_proxy_convergence_time", series, CONVERGENCE_S, mean, pushes);
  }

  private void histogram(String name, String series, double[] bounds, double mean, double count) {
    for (double le : bounds) {
      add(
          name + "_bucket" + series + ",le=\"" + trim(le) + "\"}",
          count * (1 - Math.exp(-le / mean)));
    }
    add(name + "_bucket" + series + ",le=\"+Inf\"}", count);
    add(name + "_sum" + series + "}", count * mean);
    add(name + "_count" + series + "}", count);
  }

  private String render() {
    StringBuilder out = new StringBuilder();
    out.append(
            "# TYPE istio_requests_total counter\n# TYPE istio_request_duration_milliseconds histogram\n")
        .append("# TYPE pilot_proxy_convergence_time histogram\n# TYPE pilot_xds_pushes counter\n")
        .append(
            "# TYPE pilot_total_xds_rejects counter\n# TYPE pilot_xds gauge\n# TYPE pilot_push_queue_pending gauge\n");
    counters.forEach((k, v) -> out.append(k).append(' ').append(v[0]).append('\n'));
    Map<String, Integer> connected = idc.podsByRevision();
    idc.istiods()
        .values()
        .forEach(
            s -> {
              out.append("pilot_xds{revision=\"")
                  .append(s.revision())
                  .append("\"} ")
                  .append(connected.getOrDefault(s.revision(), 0))
                  .append('\n');
              out.append("pilot_push_queue_pending{revision=\"")
                  .append(s.revision())
                  .append("\"} ")
                  .append(s.queued())
                  .append('\n');
            });
    return out.toString();
  }

  private void add(String series, double by) {
    counters.computeIfAbsent(series, k -> new double[1])[0] += Math.max(0, by);
  }

  private double noise(double spread) {
    return 1 + spread * (2 * random.nextDouble() - 1);
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
