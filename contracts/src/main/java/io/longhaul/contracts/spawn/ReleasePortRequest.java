package io.longhaul.contracts.spawn;

/**
 * Releases a port if {@code instance} holds it, or if nobody does. A port another instance holds
 * now (a drifted pod) stays.
 */
public record ReleasePortRequest(String portId, String instance) {}
