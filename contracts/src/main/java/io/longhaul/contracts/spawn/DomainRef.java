package io.longhaul.contracts.spawn;

/** A domain on a hypervisor. */
public record DomainRef(String hypervisor, String domain) {}
