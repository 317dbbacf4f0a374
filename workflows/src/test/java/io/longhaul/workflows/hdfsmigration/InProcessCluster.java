package io.longhaul.workflows.hdfsmigration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.capability.ClusterApi;
import io.longhaul.drivers.capability.ClusterHealth;
import io.longhaul.lab.hdfs.HdfsDevice;
import io.longhaul.lab.http.HttpAnswer;
import io.longhaul.lab.http.HttpCall;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The lab HDFS cluster's HTTP API called in process, without a socket, so a time-skipping workflow
 * test drives the real driver and activities against it on the test environment's clock. Answers
 * map to the driver's failures as the HTTP transport's do: 5xx retryable, 4xx refused.
 */
final class InProcessCluster implements ClusterApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String name;
  private final HdfsDevice device;
  final AtomicBoolean down = new AtomicBoolean();

  InProcessCluster(String name, HdfsDevice device) {
    this.name = name;
    this.device = device;
  }

  @Override
  public ClusterHealth probe() {
    return new ClusterHealth("lab", true, "active");
  }

  @Override
  public JsonNode get(String path) {
    return call("GET", path, null);
  }

  @Override
  public JsonNode post(String path, JsonNode body) {
    return call("POST", path, body);
  }

  @Override
  public JsonNode put(String path, JsonNode body) {
    return call("PUT", path, body);
  }

  @Override
  public JsonNode delete(String path) {
    return call("DELETE", path, null);
  }

  private JsonNode call(String method, String path, JsonNode body) {
    if (down.get()) {
      throw new DeviceException.Unreachable(name, method + " " + path, "connection refused", null);
    }
    URI uri = URI.create(path);
    HttpAnswer a =
        device.handle(
            new HttpCall(
                method, uri.getPath(), uri.getRawQuery(), body == null ? "" : body.toString()));
    if (a.status() >= 500) {
      throw new DeviceException.Unreachable(name, method + " " + path, "HTTP " + a.status(), null);
    }
    if (a.status() >= 400) {
      throw new DeviceException.CommandRejected(
          name, method + " " + path, "HTTP " + a.status() + ": " + a.body());
    }
    try {
      return a.body().isBlank() ? NullNode.getInstance() : JSON.readTree(a.body());
    } catch (IOException e) {
      throw new DeviceException.VerificationFailed(name, method + " " + path, "answer is not JSON");
    }
  }
}
