package io.longhaul.db.instance;

/**
 * An instance as the inventory view shows it, with names instead of ids.
 *
 * @param drift what the drift watch last saw wrong with it (null when nothing)
 */
public record InstanceListing(
    String name,
    String kind,
    String site,
    String state,
    String hypervisor,
    String portId,
    String ip,
    String mac,
    String network,
    String drift,
    java.time.OffsetDateTime driftCheckedAt) {}
