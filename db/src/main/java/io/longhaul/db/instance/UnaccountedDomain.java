package io.longhaul.db.instance;

import java.time.OffsetDateTime;

/**
 * A domain a hypervisor runs that no instance accounts for, as the drift watch last saw it.
 *
 * @param ownerChange the change its Longhaul ownership mark names; null when it has none (defined
 *     outside Longhaul)
 */
public record UnaccountedDomain(
    String site,
    String hypervisor,
    String name,
    String state,
    String ownerChange,
    OffsetDateTime firstSeenAt,
    OffsetDateTime lastSeenAt) {

  /** One sighting. */
  public record Seen(String name, String state, String ownerChange) {}
}
