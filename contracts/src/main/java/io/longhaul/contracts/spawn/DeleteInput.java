package io.longhaul.contracts.spawn;

/** The instance to tear down, by name. */
public record DeleteInput(String name) {}
