package io.longhaul.drivers;

import java.util.Locale;

/** What a cluster is; picks how it is probed and which capabilities it has. */
public enum ClusterKind {
  HDFS,
  MESH,
  VDI,
  K8S,
  PROMETHEUS;

  /**
   * Parses inventory spelling ({@code hdfs}, {@code mesh}, {@code vdi}, {@code k8s}, {@code
   * prometheus}).
   */
  public static ClusterKind parse(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "hdfs" -> HDFS;
      case "mesh" -> MESH;
      case "vdi" -> VDI;
      case "k8s", "kubernetes" -> K8S;
      case "prometheus" -> PROMETHEUS;
      default ->
          throw new IllegalArgumentException("unknown cluster kind: " + Printable.escape(text, 40));
    };
  }

  /** The inventory spelling. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
