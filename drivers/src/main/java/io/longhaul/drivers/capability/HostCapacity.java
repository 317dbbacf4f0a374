package io.longhaul.drivers.capability;

/**
 * A hypervisor's size and what its running guests already take (before over-commit).
 *
 * @param cpus logical CPUs ({@code virsh nodeinfo})
 */
public record HostCapacity(
    int cpus, long memoryKiB, int allocatedVcpus, long allocatedMemoryKiB, int runningDomains) {}
