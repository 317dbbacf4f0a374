package io.longhaul.contracts.spawn;

/**
 * Releases a port: by {@code portId} if {@code instance} holds it or nobody does (a port another
 * instance holds now, a drifted pod's, stays); or, with a null id, the port {@code allocationKey}
 * created, which is how a compensated spawn releases only what it allocated itself.
 */
public record ReleasePortRequest(String portId, String allocationKey, String instance) {}
