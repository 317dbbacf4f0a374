package io.longhaul.lab.topology;

/**
 * A cluster of a site reached over HTTP; {@code kind} picks the simulated system ({@code mesh}: a
 * service-mesh control plane; {@code hdfs}: an HDFS cluster across DCs B and C with its RM proxy
 * and ZooKeeper), {@code version} is what it reports.
 */
public record ClusterSpec(String name, String kind, String version) {
  public static final String MESH = "mesh";
  public static final String HDFS = "hdfs";
}
