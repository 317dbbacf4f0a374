package io.longhaul.drivers.transport.http;

import java.time.Duration;

/** Connection pool size and timeouts. */
public record HttpOptions(
    Duration connectTimeout, Duration responseTimeout, int maxConnections, int maxPerRoute) {
  public static HttpOptions defaults() {
    return new HttpOptions(Duration.ofSeconds(5), Duration.ofSeconds(30), 64, 8);
  }
}
