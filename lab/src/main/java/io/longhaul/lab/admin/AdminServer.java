package io.longhaul.lab.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.longhaul.lab.Lab;
import io.longhaul.lab.LabDevice;
import io.longhaul.lab.device.HypervisorState;
import io.longhaul.lab.device.SwitchState;
import io.longhaul.lab.fault.Fault;
import io.longhaul.lab.fault.FaultController;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The admin API on loopback. Every request needs {@code Authorization: Bearer <Lab.adminToken()>}
 * because the API hands out device secrets.
 */
public final class AdminServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Lab lab;
  private final HttpServer server;

  public AdminServer(Lab lab, int port) {
    this.lab = lab;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind the admin API", e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      String expected = "Bearer " + lab.adminToken();
      if (auth == null
          || !MessageDigest.isEqual(
              auth.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
        send(ex, 401, Map.of("error", "missing or wrong bearer token"));
        return;
      }
      String method = ex.getRequestMethod();
      String path = ex.getRequestURI().getPath().replaceAll("/+$", "");
      String[] p = path.split("/");
      try {
        route(ex, method, path, p);
      } catch (IllegalArgumentException e) {
        send(ex, 400, Map.of("error", String.valueOf(e.getMessage())));
      }
    }
  }

  private void route(HttpExchange ex, String method, String path, String[] p) throws IOException {
    FaultController faults = lab.faults();
    switch (method + " " + (p.length > 1 ? p[1] : "")) {
      case "GET devices" -> {
        List<Map<String, Object>> out = new ArrayList<>();
        for (LabDevice d : lab.devices()) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("name", d.name());
          m.put("kind", d.kind().name().toLowerCase(java.util.Locale.ROOT));
          m.put("site", d.siteCode());
          m.put("role", d.role());
          m.put("dialect", d.dialect());
          m.put("ssh", d.ssh() == null ? null : hostPort(d.ssh()));
          m.put("snmp", d.snmp() == null ? null : hostPort(d.snmp()));
          m.put("https", d.https() == null ? null : d.baseUrl());
          out.add(m);
        }
        send(ex, 200, out);
      }
      case "GET faults" -> {
        List<Map<String, Object>> out = new ArrayList<>();
        for (FaultController.ActiveFault f : faults.active()) {
          Map<String, Object> m = faultJson(f.fault());
          m.put("target", f.target());
          m.put("since", f.since().toString());
          out.add(0, m);
        }
        send(ex, 200, out.reversed());
      }
      case "POST faults" -> {
        JsonNode body = JSON.readTree(ex.getRequestBody());
        String target = text(body, "target");
        Fault fault = parseFault(body);
        faults.inject(target, fault);
        Map<String, Object> m = faultJson(fault);
        m.put("target", target);
        send(ex, 201, m);
      }
      case "DELETE faults" -> {
        if (p.length > 2) {
          faults.clear(p[2]);
        } else {
          faults.clearAll();
        }
        send(ex, 200, Map.of("active", faults.active().size()));
      }
      case "POST cables" -> {
        JsonNode body = JSON.readTree(ex.getRequestBody());
        lab.moveCable(
            text(body, "hypervisor"),
            text(body, "nic"),
            text(body, "switch"),
            text(body, "interface"));
        send(
            ex,
            200,
            Map.of(
                "hypervisor",
                text(body, "hypervisor"),
                "nic",
                text(body, "nic"),
                "switch",
                text(body, "switch"),
                "interface",
                text(body, "interface")));
      }
      case "GET switches" -> {
        if (p.length < 3) {
          throw new IllegalArgumentException("GET /switches/{name}");
        }
        SwitchState s = lab.switchState(p[2]);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("dialect", s.dialect());
        m.put("runningConfig", s.runningConfig());
        Map<String, Object> vlans = new LinkedHashMap<>();
        s.vlans().forEach((k, v) -> vlans.put(String.valueOf(k), v));
        m.put("vlans", vlans);
        m.put("configSessions", s.configSessionCount());
        m.put("commits", s.commitCount());
        m.put("changes", s.changeCount());
        m.put("commandLog", s.commandLog());
        send(ex, 200, m);
      }
      case "GET hypervisors" -> {
        if (p.length < 3) {
          throw new IllegalArgumentException("GET /hypervisors/{name}");
        }
        HypervisorState h = lab.hypervisorState(p[2]);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", h.name());
        m.put("domains", h.domains().values());
        m.put("ovsPorts", h.ovsPorts());
        m.put("allocatedVcpus", h.allocatedVcpus());
        m.put("allocatedMemoryMb", h.allocatedMemoryMb());
        m.put("commandLog", h.commandLog());
        send(ex, 200, m);
      }
      case "GET clusters" -> {
        if (p.length < 3) {
          throw new IllegalArgumentException("GET /clusters/{name}");
        }
        var mesh = lab.meshControlPlane(p[2]);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", mesh.name());
        m.put("revisions", mesh.revisions());
        m.put("requestLog", mesh.requestLog());
        send(ex, 200, m);
      }
      case "GET cluster-ca" -> {
        if (lab.topology().clusters().findAny().isEmpty()) {
          send(ex, 404, Map.of("error", "this lab has no clusters"));
          return;
        }
        byte[] b = lab.clusterCaPem().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/x-pem-file");
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
      }
      case "GET known_hosts" -> {
        byte[] b = lab.knownHostsText().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
      }
      case "GET credentials" ->
          send(ex, 200, lab.credentials().getClass().isRecord() ? credentials() : Map.of());
      default -> send(ex, 404, Map.of("error", "no route " + method + " " + path));
    }
  }

  private Map<String, Object> credentials() {
    var c = lab.credentials();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sshUsername", c.sshUsername());
    m.put("sshPassword", c.sshPassword());
    m.put("snmpCommunity", c.snmpCommunity());
    m.put("snmpV3User", c.snmpV3User());
    m.put("snmpV3AuthPassword", c.snmpV3AuthPassword());
    m.put("snmpV3PrivPassword", c.snmpV3PrivPassword());
    m.put("httpToken", c.httpToken());
    m.put("knownHostsFile", lab.knownHostsFile().toAbsolutePath().toString());
    if (lab.topology().clusters().findAny().isPresent()) {
      m.put("clusterCaFile", lab.clusterCaFile().toAbsolutePath().toString());
    }
    return m;
  }

  static Fault parseFault(JsonNode body) {
    String type = text(body, "type");
    return switch (type) {
      case "latency" ->
          new Fault.Latency(
              Duration.ofMillis(
                  body.path("latencyMs").asLong(-1) < 0
                      ? bad("latencyMs")
                      : body.path("latencyMs").asLong()));
      case "drop" -> new Fault.DropMidCommand();
      case "auth-refused" -> new Fault.AuthRefused();
      case "hang" -> new Fault.Hang();
      case "garbage" -> new Fault.Garbage();
      case "command-fails" -> new Fault.CommandFails(text(body, "command"));
      case "down" -> new Fault.Down();
      case "link-flap" ->
          body.has("periodMs")
              ? new Fault.LinkFlap(
                  text(body, "interface"), Duration.ofMillis(body.get("periodMs").asLong()))
              : new Fault.LinkFlap(text(body, "interface"));
      default ->
          throw new IllegalArgumentException(
              "unknown fault type '"
                  + type
                  + "' (latency, drop, auth-refused, hang, garbage, command-fails, down, link-flap)");
    };
  }

  private static long bad(String field) {
    throw new IllegalArgumentException("missing or negative '" + field + "'");
  }

  static Map<String, Object> faultJson(Fault f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", f.type());
    switch (f) {
      case Fault.Latency l -> m.put("latencyMs", l.delay().toMillis());
      case Fault.CommandFails c -> m.put("command", c.commandPrefix());
      case Fault.LinkFlap l -> {
        m.put("interface", l.interfaceName());
        m.put("periodMs", l.period().toMillis());
      }
      default -> {}
    }
    return m;
  }

  private static String text(JsonNode body, String field) {
    JsonNode n = body == null ? null : body.get(field);
    if (n == null || !n.isTextual() || n.asText().isEmpty()) {
      throw new IllegalArgumentException("missing '" + field + "'");
    }
    return n.asText();
  }

  private static String hostPort(InetSocketAddress a) {
    return a.getAddress().getHostAddress() + ":" + a.getPort();
  }

  private static void send(HttpExchange ex, int status, Object body) throws IOException {
    byte[] b = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, b.length);
    ex.getResponseBody().write(b);
  }
}
