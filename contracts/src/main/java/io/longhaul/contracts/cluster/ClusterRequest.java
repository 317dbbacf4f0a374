package io.longhaul.contracts.cluster;

/** Names a cluster of the inventory. */
public record ClusterRequest(String cluster) {}
