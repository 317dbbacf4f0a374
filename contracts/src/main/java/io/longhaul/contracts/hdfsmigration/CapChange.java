package io.longhaul.contracts.hdfsmigration;

/** An operator's new bandwidth cap for the copy, bytes per second, with why. */
public record CapChange(long bytesPerSec, String by, String reason) {}
