package io.longhaul.contracts.cluster;

/** Which cluster to probe, by its inventory name. */
public record ClusterProbeInput(String cluster) {}
