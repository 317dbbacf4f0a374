package io.longhaul.drivers.transport.snmp;

import java.time.Duration;

/**
 * @param timeout the first attempt's; each retry waits twice as long as the one before
 * @param retries extra attempts after a timeout
 * @param maxRepetitions rows per GETBULK response
 */
public record SnmpOptions(Duration timeout, int retries, int maxRepetitions) {
  public static SnmpOptions defaults() {
    return new SnmpOptions(Duration.ofMillis(500), 3, 25);
  }
}
