package io.longhaul.drivers.capability;

import java.util.Map;

/**
 * A Kubernetes cluster of a service mesh, in the terms the control-plane canary needs: namespaces
 * and their {@code istio.io/rev} label, rolling restarts, pods by sidecar revision, istiod
 * revisions (deployments {@code istiod-<rev>} in {@code istio-system}) and revision tags. Every
 * change is a set-to-value, so repeating one changes nothing. Failures are typed device failures.
 */
public interface MeshKubernetes extends AutoCloseable {
  String REV_LABEL = "istio.io/rev";
  String TAG_LABEL = "istio.io/tag";
  String SYSTEM_NAMESPACE = "istio-system";

  /** Namespace → its {@code istio.io/rev} label, for every namespace that has one. */
  Map<String, String> meshedNamespaces();

  void labelNamespace(String namespace, String revisionOrTag);

  /**
   * {@code kubectl rollout restart} of every deployment in the namespace, with {@code key} as the
   * restart stamp: a deployment already stamped with it is left alone.
   */
  void restartDeployments(String namespace, String key);

  /** Pods of the namespace per sidecar revision (the pod's {@code istio.io/rev}). */
  Map<String, Integer> podsByRevision(String namespace);

  /** Creates istiod of the revision, or sets its replicas if it exists. */
  void applyIstiod(String revision, String version, int replicas);

  /** Ready replicas of the revision's istiod; -1 when it does not exist. */
  int istiodReady(String revision);

  void deleteIstiod(String revision);

  /** Tag → the revision it points at. */
  Map<String, String> tags();

  void setTag(String tag, String revision);

  @Override
  void close();
}
