package io.longhaul.contracts.spawn;

/** Binds a port to the host and instance that use it. */
public record BindPortRequest(String portId, String hypervisor, String instance) {}
