package io.longhaul.contracts.spawn;

/**
 * What the teardown removed. {@code portReleased} is false when another instance holds the port now
 * (a pod that drifted keeps its port).
 */
public record DeleteResult(String instance, String hypervisor, boolean portReleased) {}
