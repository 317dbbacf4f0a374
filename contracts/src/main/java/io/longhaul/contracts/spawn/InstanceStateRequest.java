package io.longhaul.contracts.spawn;

/**
 * Moves an instance to a state ({@code active}, {@code deleting}), records its port and makes
 * {@code runId} its holder key ({@link InstanceRef}).
 */
public record InstanceStateRequest(String runId, String name, String state, String portId) {}
