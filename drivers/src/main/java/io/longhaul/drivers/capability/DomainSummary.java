package io.longhaul.drivers.capability;

/** A row of {@code virsh list --all}. */
public record DomainSummary(String name, String state) {}
