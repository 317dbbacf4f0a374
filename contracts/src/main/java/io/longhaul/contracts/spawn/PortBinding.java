package io.longhaul.contracts.spawn;

/** A port's binding (status, host, instance), e.g. the one a re-bind replaced. */
public record PortBinding(String portId, String status, String hypervisor, String instance) {}
