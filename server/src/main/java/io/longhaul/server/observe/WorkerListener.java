package io.longhaul.server.observe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.longhaul.api.security.ApiTokens;
import io.longhaul.db.security.ApiTokenRepository;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * What a worker-only process (which serves no HTTP) shows an operator, on {@code
 * longhaul.worker.metrics-port}: {@code /actuator/prometheus} with a bearer API token of any role,
 * as on the API port, and open {@code /actuator/health/liveness} and {@code /readiness} (the
 * workers polling, Temporal reachable). Without it a site pool's device-call metrics were never
 * scraped.
 */
final class WorkerListener implements AutoCloseable {
  private final HttpServer server;
  private final PrometheusMeterRegistry registry;
  private final ApiTokenRepository tokens;
  private final Map<String, HealthIndicator> readiness;

  WorkerListener(
      String bind,
      int port,
      PrometheusMeterRegistry registry,
      ApiTokenRepository tokens,
      Map<String, HealthIndicator> readiness) {
    this.registry = registry;
    this.tokens = tokens;
    this.readiness = new LinkedHashMap<>(readiness);
    try {
      server = HttpServer.create(new InetSocketAddress(bind, port), 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + bind + ":" + port, e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/actuator/prometheus", this::metrics);
    server.createContext(
        "/actuator/health/liveness", x -> send(x, 200, "application/json", "{\"status\":\"UP\"}"));
    server.createContext("/actuator/health/readiness", this::ready);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void metrics(HttpExchange x) throws IOException {
    String auth = x.getRequestHeaders().getFirst("Authorization");
    boolean known =
        auth != null
            && auth.startsWith("Bearer ")
            && tokens.authenticate(ApiTokens.sha256(auth.substring(7).trim())).isPresent();
    if (!known) {
      x.getResponseHeaders().add("WWW-Authenticate", "Bearer");
      send(
          x,
          401,
          "application/problem+json",
          "{\"status\":401,\"detail\":\"authentication required\"}");
      return;
    }
    send(x, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
  }

  private void ready(HttpExchange x) throws IOException {
    StringBuilder components = new StringBuilder();
    boolean up = true;
    for (var e : readiness.entrySet()) {
      Status s = e.getValue().health().getStatus();
      up &= Status.UP.equals(s);
      components
          .append(components.isEmpty() ? "" : ",")
          .append('"')
          .append(e.getKey())
          .append("\":{\"status\":\"")
          .append(s.getCode())
          .append("\"}");
    }
    String status = up ? "UP" : "DOWN";
    send(
        x,
        up ? 200 : 503,
        "application/json",
        "{\"status\":\"" + status + "\",\"components\":{" + components + "}}");
  }

  private static void send(HttpExchange x, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", type);
    x.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
