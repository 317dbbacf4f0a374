package io.longhaul.drivers.transport.snmp;

import java.time.Duration;

/**
 * @param timeout per request attempt
 * @param retries extra attempts after a timeout
 * @param maxRepetitions rows per GETBULK response
 */
public record SnmpOptions(Duration timeout, int retries, int maxRepetitions) {
  public static SnmpOptions defaults() {
    return new SnmpOptions(Duration.ofSeconds(2), 1, 25);
  }
}
