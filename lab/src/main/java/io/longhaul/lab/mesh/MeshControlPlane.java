package io.longhaul.lab.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longhaul.lab.http.HttpAnswer;
import io.longhaul.lab.http.HttpCall;
import io.longhaul.lab.http.HttpDevice;
import io.longhaul.lab.topology.ClusterSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A service-mesh control plane (istiod-like) of one IDC: its version, its health and the
 * control-plane revisions installed beside each other, as a canary installs a new revision next to
 * the serving one. API: {@code GET /version}, {@code GET /healthz} ({@code {"status": "ok"}} or
 * {@code "degraded"}), {@code GET /v1/revisions}, {@code GET|PUT|DELETE /v1/revisions/{name}} (PUT
 * {@code {"version": "1.25.0"}}); the serving revision cannot be deleted.
 */
public final class MeshControlPlane implements HttpDevice {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern REVISION = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final Pattern VERSION =
      Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+([-.][a-z0-9.]+)?");
  private static final String SERVING = "default";

  private final String name;
  private final String version;
  private final Map<String, String> revisions = new TreeMap<>();
  private final List<String> requestLog = new CopyOnWriteArrayList<>();
  private volatile boolean healthy = true;

  public MeshControlPlane(ClusterSpec spec) {
    this.name = spec.name();
    this.version = spec.version();
    revisions.put(SERVING, spec.version());
  }

  public String name() {
    return name;
  }

  @Override
  public HttpAnswer handle(HttpCall call) {
    requestLog.add(call.line());
    String path = call.path().replaceAll("/+$", "");
    if (path.equals("/version")) {
      return get(call, () -> HttpAnswer.ok(Map.of("version", version, "revision", SERVING)));
    }
    if (path.equals("/healthz")) {
      return get(call, () -> HttpAnswer.ok(Map.of("status", healthy ? "ok" : "degraded")));
    }
    if (path.equals("/v1/revisions")) {
      return get(call, () -> HttpAnswer.ok(Map.of("revisions", revisions())));
    }
    if (path.startsWith("/v1/revisions/")) {
      return revision(call, path.substring("/v1/revisions/".length()));
    }
    return HttpAnswer.error(404, "no such resource " + path);
  }

  private synchronized HttpAnswer revision(HttpCall call, String revision) {
    if (!REVISION.matcher(revision).matches()) {
      return HttpAnswer.error(400, "bad revision name");
    }
    String installed = revisions.get(revision);
    return switch (call.method()) {
      case "GET" ->
          installed == null
              ? HttpAnswer.error(404, "no revision " + revision)
              : HttpAnswer.ok(view(revision, installed));
      case "PUT" -> {
        String wanted = versionOf(call.body());
        if (wanted == null) {
          yield HttpAnswer.error(400, "body must be {\"version\": \"x.y.z\"}");
        }
        revisions.put(revision, wanted);
        yield HttpAnswer.json(installed == null ? 201 : 200, view(revision, wanted));
      }
      case "DELETE" -> {
        if (installed == null) {
          yield HttpAnswer.error(404, "no revision " + revision);
        }
        if (revision.equals(SERVING)) {
          yield HttpAnswer.error(409, "revision " + revision + " serves the mesh");
        }
        revisions.remove(revision);
        yield HttpAnswer.ok(Map.of("deleted", revision));
      }
      default -> HttpAnswer.error(405, "method not allowed");
    };
  }

  private static HttpAnswer get(HttpCall call, java.util.function.Supplier<HttpAnswer> answer) {
    return call.method().equals("GET") ? answer.get() : HttpAnswer.error(405, "method not allowed");
  }

  private static String versionOf(String body) {
    try {
      JsonNode v = JSON.readTree(body).path("version");
      return v.isTextual() && VERSION.matcher(v.asText()).matches() ? v.asText() : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static Map<String, Object> view(String revision, String version) {
    return Map.of("name", revision, "version", version, "serving", revision.equals(SERVING));
  }

  /** Installed revisions (name and version), serving one included, in name order. */
  public synchronized List<Map<String, Object>> revisions() {
    List<Map<String, Object>> out = new ArrayList<>();
    revisions.forEach((n, v) -> out.add(view(n, v)));
    return out;
  }

  /** Makes {@code /healthz} answer degraded (false) or ok (true). */
  public void setHealthy(boolean healthy) {
    this.healthy = healthy;
  }

  /** Every request that reached the control plane, {@code METHOD /path}. */
  public List<String> requestLog() {
    return List.copyOf(requestLog);
  }
}
