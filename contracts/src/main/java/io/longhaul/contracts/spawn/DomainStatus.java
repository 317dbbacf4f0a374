package io.longhaul.contracts.spawn;

/** A domain's state and the iface-id its OVS port carries ("" when the port is missing). */
public record DomainStatus(String hypervisor, String domain, String state, String ifaceId) {}
