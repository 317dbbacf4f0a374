package io.longhaul.contracts.spawn;

/** {@code count} unnamed ports in one call, keyed {@code allocationKey/0..count-1}. */
public record BulkAllocateRequest(
    String site, Long networkId, String networkLabel, int count, String allocationKey) {}
