package io.longhaul.lab.topology;

/**
 * A cluster of a site reached over HTTP; {@code kind} picks the simulated system ({@code mesh}: a
 * service-mesh control plane), {@code version} is what it reports.
 */
public record ClusterSpec(String name, String kind, String version) {
  public static final String MESH = "mesh";
}
