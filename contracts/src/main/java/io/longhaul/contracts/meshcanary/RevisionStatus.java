package io.longhaul.contracts.meshcanary;

/**
 * An istiod revision: whether its deployment reports ready, how many events its push queue still
 * holds and its xDS push convergence p99 in seconds (null before Prometheus has samples).
 */
public record RevisionStatus(
    String revision, boolean ready, long queued, Double convergenceP99Seconds) {}
