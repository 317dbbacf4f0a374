package io.longhaul.drivers;

import io.longhaul.drivers.transport.http.TrustMaterial;
import java.net.InetAddress;
import java.net.URI;
import java.util.Objects;

/**
 * Where a cluster's API is and how it is trusted: its base URL and, for https, the certificates its
 * server certificate must chain to (null: the JVM's default trust store). {@code address}, when
 * set, is the one address connections go to (the one the credential's scope was checked against),
 * so a name that resolves elsewhere a moment later still sends nothing there; null resolves the
 * URL's host at connect time.
 */
public record ClusterTarget(
    String name, ClusterKind kind, URI baseUri, TrustMaterial trust, InetAddress address) {
  public ClusterTarget {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(baseUri, "baseUri");
  }

  public ClusterTarget(String name, ClusterKind kind, URI baseUri, TrustMaterial trust) {
    this(name, kind, baseUri, trust, null);
  }
}
