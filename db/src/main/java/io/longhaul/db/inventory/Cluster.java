package io.longhaul.db.inventory;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A cluster reached over HTTP: its kind ({@code hdfs}, {@code mesh}, {@code vdi}, {@code k8s}), the
 * base URL of its API, its credential (a reference, never a secret), the PEM certificates its
 * server certificate must chain to (null: the worker's default trust store) and its labels.
 */
public record Cluster(
    long id,
    long siteId,
    String name,
    String kind,
    String baseUrl,
    Long credentialId,
    String trustPem,
    List<String> labels,
    OffsetDateTime createdAt) {

  public Cluster {
    labels = List.copyOf(labels);
  }

  public record Spec(
      long siteId,
      String name,
      String kind,
      String baseUrl,
      Long credentialId,
      String trustPem,
      List<String> labels) {

    /** Audit text: the certificates are public but long, so only their presence is shown. */
    @Override
    public String toString() {
      return "Spec[siteId=%d, name=%s, kind=%s, baseUrl=%s, credentialId=%s, trustPem=%s, labels=%s]"
          .formatted(
              siteId, name, kind, baseUrl, credentialId, trustPem == null ? "none" : "pem", labels);
    }
  }
}
