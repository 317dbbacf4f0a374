package io.longhaul.contracts.spawn;

/**
 * A port from network {@code networkId}, or from any network of {@code site} labelled {@code
 * networkLabel} with a free address. A {@code name} that exists returns that port; {@code
 * allocationKey} makes a retried call return the port the first one took.
 */
public record AllocateRequest(
    String site, Long networkId, String networkLabel, String name, String allocationKey) {}
