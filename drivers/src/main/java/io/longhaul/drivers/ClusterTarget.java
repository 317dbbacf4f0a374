package io.longhaul.drivers;

import io.longhaul.drivers.transport.http.TrustMaterial;
import java.net.URI;
import java.util.Objects;

/**
 * Where a cluster's API is and how it is trusted: its base URL and, for https, the certificates its
 * server certificate must chain to (null: the JVM's default trust store).
 */
public record ClusterTarget(String name, ClusterKind kind, URI baseUri, TrustMaterial trust) {
  public ClusterTarget {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(baseUri, "baseUri");
  }
}
