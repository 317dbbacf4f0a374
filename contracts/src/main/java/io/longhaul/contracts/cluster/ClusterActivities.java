package io.longhaul.contracts.cluster;

import io.temporal.activity.ActivityInterface;

/**
 * Calls to cluster APIs over HTTP; served on {@link io.longhaul.contracts.TaskQueues#CLUSTERS} by
 * the workers that can reach the clusters.
 */
@ActivityInterface
public interface ClusterActivities {

  /** The cluster's version and health, as it reports them; a read, safe to repeat. */
  ClusterStatus probe(ClusterRequest request);
}
