package io.longhaul.bench.core;

/** Longhaul or one of its baselines, measured once per round. */
public record Variant(String name, String description, Trial trial) {}
