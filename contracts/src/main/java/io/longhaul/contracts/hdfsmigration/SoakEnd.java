package io.longhaul.contracts.hdfsmigration;

/** An operator ends the soak early, with a reason. */
public record SoakEnd(String by, String reason) {}
