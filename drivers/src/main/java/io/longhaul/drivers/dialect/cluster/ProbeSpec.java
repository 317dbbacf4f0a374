package io.longhaul.drivers.dialect.cluster;

import io.longhaul.drivers.ClusterKind;

/**
 * Where a kind of cluster tells its version and health. {@code versionField} and {@code
 * healthField} are JSON pointers into the answers; a null {@code healthField} means the health
 * answer is plain text and {@code healthy} is that text.
 */
record ProbeSpec(
    String versionPath,
    String versionField,
    String healthPath,
    String healthField,
    String healthy) {

  static ProbeSpec of(ClusterKind kind) {
    return switch (kind) {
      // The NameNode's JMX servlet: NameNodeInfo carries the version, NameNodeStatus the HA state.
      case HDFS ->
          new ProbeSpec(
              "/jmx?qry=Hadoop:service=NameNode,name=NameNodeInfo",
              "/beans/0/Version",
              "/jmx?qry=Hadoop:service=NameNode,name=NameNodeStatus",
              "/beans/0/State",
              "active");
      // The API server's /version document and its /readyz check, which answers "ok".
      case K8S -> new ProbeSpec("/version", "/gitVersion", "/readyz", null, "ok");
      // Prometheus's build information and its readiness endpoint's plain-text answer.
      case PROMETHEUS ->
          new ProbeSpec(
              "/api/v1/status/buildinfo",
              "/data/version",
              "/-/ready",
              null,
              "Prometheus Server is Ready.");
      // Mesh control planes and desktop brokers: {"version": ...} and {"status": "ok"|...}.
      case MESH, VDI -> new ProbeSpec("/version", "/version", "/healthz", "/status", "ok");
    };
  }
}
