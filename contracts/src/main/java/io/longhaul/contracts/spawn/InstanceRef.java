package io.longhaul.contracts.spawn;

/**
 * An instance by name, with the key its acting run holds it under ({@code runId}): the step's
 * idempotency key (change id + step + name), which a re-run shares; the run id for runs started
 * before spawn-on-platform.
 */
public record InstanceRef(String runId, String name) {}
