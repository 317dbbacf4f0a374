package io.longhaul.contracts.spawn;

/** The host chosen for an instance and the capacity reserved on it. */
public record Placement(String instance, String hypervisor, int vcpus, int memoryMiB) {}
