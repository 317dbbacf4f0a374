package io.longhaul.lab.mesh;

/**
 * One IDC of the lab mesh: a primary Kubernetes cluster running istiod, {@code remotes} application
 * clusters with {@code namespacesPerRemote} meshed namespaces each (one deployment of {@code
 * replicas} pods), the stable revision and the revision tag the namespaces are labelled with.
 */
public record IdcSpec(
    String name,
    int remotes,
    int namespacesPerRemote,
    int replicas,
    String stableRevision,
    String stableVersion,
    String tag) {

  /**
   * Two remotes of five namespaces, two pods each; revision {@code 1-24-2} under tag {@code
   * prod-stable}.
   */
  public static IdcSpec small(String name) {
    return new IdcSpec(name, 2, 5, 2, "1-24-2", "1.24.2", "prod-stable");
  }
}
