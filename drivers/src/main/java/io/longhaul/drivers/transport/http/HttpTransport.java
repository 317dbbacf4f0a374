package io.longhaul.drivers.transport.http;

import io.longhaul.drivers.transport.Heartbeat;

/**
 * Sends requests to cluster APIs. Implementations check the server's certificate against the
 * endpoint's trust material (never trusting every certificate), add the endpoint's authorization
 * header without ever logging it, follow no redirects, bound the body they read, give up after the
 * response timeout, honour cancellation (an interrupt, or a heartbeat that throws) and throw the
 * {@link io.longhaul.drivers.DeviceException}s of {@link HttpFailures}.
 */
public interface HttpTransport extends AutoCloseable {

  /**
   * Sends {@code method path} to the endpoint; {@code path} is relative to its base URI and may
   * carry a query; {@code json} (may be null) is the body. A 2xx answer is returned, anything else
   * thrown. {@code heartbeat} is called while the request is in flight.
   */
  HttpResult send(
      HttpEndpoint endpoint, String method, String path, String json, Heartbeat heartbeat);

  default HttpResult get(HttpEndpoint endpoint, String path) {
    return send(endpoint, "GET", path, null, Heartbeat.NONE);
  }

  default HttpResult post(HttpEndpoint endpoint, String path, String json) {
    return send(endpoint, "POST", path, json, Heartbeat.NONE);
  }

  default HttpResult put(HttpEndpoint endpoint, String path, String json) {
    return send(endpoint, "PUT", path, json, Heartbeat.NONE);
  }

  default HttpResult delete(HttpEndpoint endpoint, String path) {
    return send(endpoint, "DELETE", path, null, Heartbeat.NONE);
  }

  @Override
  void close();
}
