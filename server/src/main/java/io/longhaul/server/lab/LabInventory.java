package io.longhaul.server.lab;

/** Proof that the lab is in the inventory and its host keys are in known_hosts. */
public record LabInventory(LabRuntime runtime) {}
