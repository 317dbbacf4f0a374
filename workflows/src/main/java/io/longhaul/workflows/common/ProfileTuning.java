package io.longhaul.workflows.common;

import java.time.Duration;
import java.util.Map;

/**
 * An operator's override of one activity profile, from configuration: null keeps the profile's own
 * value. {@code sites} overrides it further for the activities of one site's queue, e.g. a longer
 * start-to-close for copies to a far data center.
 */
public record ProfileTuning(
    Duration startToClose,
    Duration heartbeat,
    Integer maxAttempts,
    Map<String, ProfileTuning> sites) {

  public ProfileTuning {
    sites = sites == null ? Map.of() : Map.copyOf(sites);
    if (startToClose != null && !startToClose.isPositive()) {
      throw new IllegalArgumentException("startToClose must be positive");
    }
    if (heartbeat != null && !heartbeat.isPositive()) {
      throw new IllegalArgumentException("heartbeat must be positive");
    }
    if (maxAttempts != null && maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }
}
