package io.longhaul.contracts.spawn;

/**
 * The answer to one requester: the batch that carried its change, and whether that batch changed
 * the switch (false when every binding was already there, or is still used by someone else).
 */
public record OverlayResult(String requestId, String switchName, String batchId, boolean changed) {}
