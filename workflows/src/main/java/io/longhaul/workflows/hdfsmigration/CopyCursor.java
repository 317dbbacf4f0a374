package io.longhaul.workflows.hdfsmigration;

/**
 * Where a replica phase (copy or drain) stands at a chunk boundary: how many paths have their new
 * policy, whether the new DC holds (or the old one dropped) every replica, how often it paused.
 */
public record CopyCursor(int activated, boolean complete, int pauses, long lastChunkEndMillis) {}
