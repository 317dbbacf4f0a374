package io.longhaul.drivers.dialect.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.longhaul.drivers.ClusterTarget;
import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.Printable;
import io.longhaul.drivers.capability.ClusterApi;
import io.longhaul.drivers.capability.ClusterHealth;
import io.longhaul.drivers.transport.Heartbeat;
import io.longhaul.drivers.transport.http.HttpAuth;
import io.longhaul.drivers.transport.http.HttpEndpoint;
import io.longhaul.drivers.transport.http.HttpResult;
import io.longhaul.drivers.transport.http.HttpTransport;

/** {@link ClusterApi} over the HTTP transport: JSON in and out, the kind's probe. */
public final class ClusterHttp implements ClusterApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ClusterTarget target;
  private final HttpEndpoint endpoint;
  private final HttpTransport http;
  private final Heartbeat heartbeat;

  public ClusterHttp(ClusterTarget target, HttpAuth auth, HttpTransport http, Heartbeat heartbeat) {
    this.target = target;
    this.endpoint =
        new HttpEndpoint(target.name(), target.baseUri(), target.trust(), auth, target.address());
    this.http = http;
    this.heartbeat = heartbeat == null ? Heartbeat.NONE : heartbeat;
  }

  @Override
  public ClusterHealth probe() {
    ProbeSpec probe = ProbeSpec.of(target.kind());
    String version = text(probe.versionPath(), get(probe.versionPath()), probe.versionField());
    String state =
        probe.healthField() == null
            ? send("GET", probe.healthPath(), null).body().strip()
            : text(probe.healthPath(), get(probe.healthPath()), probe.healthField());
    return new ClusterHealth(version, probe.healthy().equals(state), Printable.escape(state, 200));
  }

  @Override
  public JsonNode get(String path) {
    return json("GET", path, null);
  }

  @Override
  public JsonNode post(String path, JsonNode body) {
    return json("POST", path, body);
  }

  @Override
  public JsonNode put(String path, JsonNode body) {
    return json("PUT", path, body);
  }

  @Override
  public JsonNode delete(String path) {
    return json("DELETE", path, null);
  }

  private JsonNode json(String method, String path, JsonNode body) {
    HttpResult result = send(method, path, body == null ? null : body.toString());
    if (result.body().isBlank()) {
      return NullNode.getInstance();
    }
    try {
      return JSON.readTree(result.body());
    } catch (JsonProcessingException e) {
      throw new DeviceException.VerificationFailed(
          target.name(), method + " " + path, "answer is not JSON");
    }
  }

  private HttpResult send(String method, String path, String body) {
    return http.send(endpoint, method, path, body, heartbeat);
  }

  private String text(String path, JsonNode answer, String pointer) {
    JsonNode value = answer.at(pointer);
    if (!value.isValueNode() || value.isNull()) {
      throw new DeviceException.VerificationFailed(
          target.name(), "GET " + path, "answer has no " + pointer);
    }
    return value.asText();
  }
}
