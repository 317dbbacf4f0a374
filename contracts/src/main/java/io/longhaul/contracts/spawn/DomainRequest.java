package io.longhaul.contracts.spawn;

/** A domain to define and start on a hypervisor, with one NIC on the port. */
public record DomainRequest(
    String hypervisor,
    String domain,
    int memoryMiB,
    int vcpus,
    String mac,
    String tap,
    String portId) {}
