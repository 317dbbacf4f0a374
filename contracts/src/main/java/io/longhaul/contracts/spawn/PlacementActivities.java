package io.longhaul.contracts.spawn;

import io.temporal.activity.ActivityInterface;

/**
 * Instances, host capacity and host links in PostgreSQL; runs on the workflow queue. Every method
 * is idempotent for a given holder key ({@link InstanceRef}).
 */
@ActivityInterface
public interface PlacementActivities {
  /** Validates the request against the inventory and claims the instance's name. */
  InstanceView claim(ClaimRequest request);

  /**
   * Reserves capacity on a host of the site under its over-commit ratios, honouring anti-affinity
   * and skipping hosts in maintenance. A retried call returns the first reservation.
   */
  Placement reserve(InstanceRef instance);

  void releaseCapacity(InstanceRef instance);

  /** The leaf interfaces of the host's NICs; fails unless they reach both leaves of one pair. */
  HostLeaves hostLeaves(String hypervisor);

  void setState(InstanceStateRequest request);

  /** Deletes the instance record (a compensated spawn, a finished teardown). */
  void forget(InstanceRef instance);

  /** The instance, for a teardown; fails NotFound when there is none. */
  InstanceView find(InstanceRef instance);
}
