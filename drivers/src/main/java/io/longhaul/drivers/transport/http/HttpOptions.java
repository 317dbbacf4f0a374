package io.longhaul.drivers.transport.http;

import java.time.Duration;
import java.util.Objects;

/**
 * HTTP transport settings.
 *
 * @param connectTimeout TCP connect plus TLS handshake
 * @param responseTimeout from sending the request to the last byte of the body
 * @param maxConnections pooled connections per trust store (clusters sharing one CA share a pool)
 * @param maxPerRoute pooled connections per cluster address
 * @param maxBodyBytes a longer answer fails instead of filling the worker's heap
 * @param heartbeatInterval how often the caller's heartbeat is called while a request is in flight
 */
public record HttpOptions(
    Duration connectTimeout,
    Duration responseTimeout,
    int maxConnections,
    int maxPerRoute,
    long maxBodyBytes,
    Duration heartbeatInterval) {

  public HttpOptions {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(responseTimeout, "responseTimeout");
    Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
    if (maxConnections < 1 || maxPerRoute < 1 || maxBodyBytes < 1) {
      throw new IllegalArgumentException("pool sizes and maxBodyBytes must be positive");
    }
  }

  /**
   * 5 s connect, 10 s per response (a short activity's 30 s then holds a probe's two calls), 64
   * connections (8 per cluster), 16 MiB bodies, 5 s beats.
   */
  public static HttpOptions defaults() {
    return new HttpOptions(
        Duration.ofSeconds(5), Duration.ofSeconds(10), 64, 8, 16L << 20, Duration.ofSeconds(5));
  }

  public HttpOptions withTimeouts(Duration connect, Duration response) {
    return new HttpOptions(
        connect, response, maxConnections, maxPerRoute, maxBodyBytes, heartbeatInterval);
  }

  public HttpOptions withMaxBodyBytes(long max) {
    return new HttpOptions(
        connectTimeout, responseTimeout, maxConnections, maxPerRoute, max, heartbeatInterval);
  }
}
