package io.longhaul.workflows.hdfsmigration;

import java.util.List;
import java.util.Map;

/**
 * What an undo restores: the paths' policies and storage quotas as the plan found them, the DC
 * whose Mover refills what the undo needs back, and its bandwidth.
 */
public record Rollback(
    String cluster,
    Map<String, String> policies,
    Map<String, Long> quotas,
    List<String> paths,
    String refillDc,
    long bytesPerSec) {}
