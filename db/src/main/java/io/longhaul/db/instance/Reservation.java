package io.longhaul.db.instance;

/** Capacity an instance holds on a host. */
public record Reservation(
    long instanceId, long hypervisorId, int vcpus, long memoryMb, String antiAffinity) {}
