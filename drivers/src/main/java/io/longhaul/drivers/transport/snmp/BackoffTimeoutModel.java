package io.longhaul.drivers.transport.snmp;

import org.snmp4j.TimeoutModel;

/**
 * Each retry waits twice as long as the attempt before it. A lost UDP answer is then retried after
 * the first, short timeout instead of a long fixed one, while a slow device still gets time on
 * later attempts. SNMP4J's default waits the same timeout for every attempt.
 */
final class BackoffTimeoutModel implements TimeoutModel {

  @Override
  public long getRetryTimeout(int retryCount, int totalNumberOfRetries, long targetTimeout) {
    return targetTimeout << Math.min(retryCount, 16);
  }

  @Override
  public long getRequestTimeout(int totalNumberOfRetries, long targetTimeout) {
    long total = 0;
    for (int i = 0; i <= totalNumberOfRetries; i++) {
      total += getRetryTimeout(i, totalNumberOfRetries, targetTimeout);
    }
    return total;
  }
}
