package io.longhaul.contracts.spawn;

/** Moves an instance to a state ({@code active}, {@code deleting}) and records its port. */
public record InstanceStateRequest(String runId, String name, String state, String portId) {}
