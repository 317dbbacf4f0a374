package io.longhaul.lab.mesh;

/**
 * What can go wrong in a lab mesh. The revision faults act on one istiod revision and the sidecars
 * it serves; the reach faults on one cluster's Kubernetes API or on a whole IDC.
 */
public enum MeshFault {
  /** Sidecars on the revision answer a quarter of their cohort's requests with 503. */
  ERRORS_5XX,
  /** The revision's requests take about twice as long: worse, but under the hard threshold. */
  SLOWER_REQUESTS,
  /** The revision pushes slowly: xDS convergence in seconds instead of tens of milliseconds. */
  SLOW_PUSH,
  /** The revision's pushes are rejected by the proxies ({@code pilot_total_xds_rejects}). */
  CONFIG_REJECTS,
  /** The revision reports ready while its queue still drains (what the seed's fix prevents). */
  READY_BEFORE_DRAINED
}
