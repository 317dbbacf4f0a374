package io.longhaul.lab.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.longhaul.lab.fault.Fault;
import io.longhaul.lab.fault.FaultController;
import io.longhaul.lab.tls.CertificateAuthority;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Serves each HTTP device over HTTPS on its own loopback address, with a certificate from the lab's
 * CA for that address. Every request needs {@code Authorization: Bearer <token>}; faults apply
 * before the device sees the request: down (the connection is closed unanswered), latency, hang,
 * auth-refused (401), command-fails (500 for requests whose {@code METHOD /path} starts with the
 * prefix), garbage (a scrambled body) and drop (half the body, then the connection closes).
 */
public final class HttpFrontend implements Closeable {
  private static final int MAX_REQUEST_BYTES = 1 << 20;

  /** A device to serve and its name (the fault target). */
  public record Target(String name, HttpDevice device) {}

  private final byte[] expectedAuthorization;
  private final FaultController faults;
  private final CertificateAuthority ca;
  private final List<HttpsServer> servers = new ArrayList<>();
  private volatile boolean closed;

  public HttpFrontend(String bearerToken, FaultController faults, CertificateAuthority ca) {
    this.expectedAuthorization = ("Bearer " + bearerToken).getBytes(StandardCharsets.UTF_8);
    this.faults = faults;
    this.ca = ca;
  }

  /** Binds every target on its host and {@code port} (0: ephemeral); returns where each listens. */
  public Map<String, InetSocketAddress> start(Map<Target, String> targets, int port)
      throws IOException {
    Map<String, InetSocketAddress> out = new LinkedHashMap<>();
    for (var e : targets.entrySet()) {
      Target t = e.getKey();
      InetAddress address = InetAddress.getByName(e.getValue());
      HttpsServer server = HttpsServer.create(new InetSocketAddress(address, port), 0);
      server.setHttpsConfigurator(new HttpsConfigurator(ca.serverContext(t.name(), address)));
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.createContext("/", ex -> serve(t, ex));
      server.start();
      servers.add(server);
      out.put(t.name(), server.getAddress());
    }
    return out;
  }

  private void serve(Target t, HttpExchange ex) throws IOException {
    String name = t.name();
    try (ex) {
      if (faults.has(name, Fault.Down.class)) {
        throw new IOException(name + " is down"); // the server closes the connection unanswered
      }
      pause(name);
      byte[] body = readBody(ex.getRequestBody());
      if (body == null) {
        send(ex, HttpAnswer.error(413, "request body too large"), name);
        return;
      }
      if (faults.has(name, Fault.AuthRefused.class) || !authorized(ex)) {
        ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        send(ex, HttpAnswer.error(401, "unauthorized"), name);
        return;
      }
      var call =
          new HttpCall(
              ex.getRequestMethod(),
              ex.getRequestURI().getPath(),
              ex.getRequestURI().getRawQuery(),
              new String(body, StandardCharsets.UTF_8));
      if (faults.commandFails(name, call.line())) {
        send(ex, HttpAnswer.error(500, "internal error"), name);
        return;
      }
      HttpAnswer answer;
      try {
        answer = t.device().handle(call);
      } catch (IllegalArgumentException bad) {
        answer = HttpAnswer.error(400, String.valueOf(bad.getMessage()));
      }
      send(ex, answer, name);
    }
  }

  private void pause(String name) throws IOException {
    try {
      long ms = faults.latency(name).toMillis();
      if (ms > 0) {
        Thread.sleep(ms);
      }
      faults.awaitNoHang(name, () -> !closed);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private boolean authorized(HttpExchange ex) {
    String given = ex.getRequestHeaders().getFirst("Authorization");
    return given != null
        && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expectedAuthorization);
  }

  /** The body, or null when it is longer than the devices accept. */
  private static byte[] readBody(InputStream in) throws IOException {
    byte[] b = in.readNBytes(MAX_REQUEST_BYTES + 1);
    return b.length > MAX_REQUEST_BYTES ? null : b;
  }

  private void send(HttpExchange ex, HttpAnswer answer, String name) throws IOException {
    String text =
        faults.has(name, Fault.Garbage.class)
            ? FaultController.garble(answer.body())
            : answer.body();
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    if (b.length > 0) {
      ex.getResponseHeaders().set("Content-Type", answer.contentType());
    }
    boolean drop = faults.has(name, Fault.DropMidCommand.class);
    ex.sendResponseHeaders(answer.status(), b.length == 0 ? -1 : b.length);
    if (drop) {
      ex.getResponseBody().write(b, 0, b.length / 2);
      ex.getResponseBody().flush();
      throw new IOException(name + " dropped the connection mid-answer");
    }
    ex.getResponseBody().write(b);
  }

  @Override
  public void close() {
    closed = true;
    servers.forEach(s -> s.stop(0));
  }
}
