package io.longhaul.contracts.meshcanary;

import io.temporal.activity.ActivityInterface;

/**
 * The mesh of an IDC through its clusters' Kubernetes APIs and its Prometheus; served on {@link
 * io.longhaul.contracts.TaskQueues#CLUSTERS}. Every change is idempotent: labels and tags are set
 * to a value, a restart is keyed (the same key never restarts twice), an install keeps what is
 * there.
 */
@ActivityInterface
public interface MeshActivities {

  /** The IDC's clusters (by inventory labels), their reachability and the meshed namespaces. */
  IdcState describe(IdcRequest request);

  /** Installs (or scales back up) the canary revision's istiod on the primary. */
  void installRevision(RevisionRequest request);

  /** Scales a revision's istiod to zero: the canary's rollback. */
  void scaleDownRevision(RevisionRequest request);

  /** Deletes a revision's istiod: the old revision's retirement after promotion. */
  void retireRevision(RevisionRequest request);

  /** Ready, queue drained, convergence p99 (from Prometheus). */
  RevisionStatus revisionStatus(RevisionRequest request);

  /** Sets one namespace's {@code istio.io/rev}. */
  void relabel(NamespaceChange request);

  /** Rolling-restarts a namespace's deployments, keyed so a retry restarts nothing twice. */
  void restart(NamespaceChange request);

  /** Pods and namespaces per sidecar revision over the given namespaces (all if empty). */
  RevisionCounts counts(CountRequest request);

  /** Points a revision tag at a revision. */
  void moveTag(TagRequest request);

  /** One analysis interval: PromQL for canary and baseline, then the judgement. */
  AnalysisReport analyse(AnalysisRequest request);
}
