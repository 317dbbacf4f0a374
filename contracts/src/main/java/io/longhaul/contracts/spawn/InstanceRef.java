package io.longhaul.contracts.spawn;

/** An instance by name, with the run acting on it. */
public record InstanceRef(String runId, String name) {}
