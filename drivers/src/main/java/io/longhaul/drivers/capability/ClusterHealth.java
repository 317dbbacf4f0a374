package io.longhaul.drivers.capability;

/**
 * What a cluster says about itself: its version, whether it is healthy, and its own words for its
 * state (e.g. an HDFS NameNode's {@code active}, a Kubernetes API server's {@code ok}).
 */
public record ClusterHealth(String version, boolean healthy, String detail) {}
