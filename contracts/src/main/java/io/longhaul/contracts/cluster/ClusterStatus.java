package io.longhaul.contracts.cluster;

/**
 * What a cluster reported: its kind, its version, whether it called itself healthy, and its own
 * word for its state (e.g. {@code ok}, {@code degraded}, an HDFS NameNode's {@code active}).
 */
public record ClusterStatus(
    String cluster, String kind, String version, boolean healthy, String detail) {}
