package io.longhaul.db.ipam;

/** How many of a network's addresses ports hold, and how many are free. */
public record NetworkUsage(long networkId, long used, long free) {}
