package io.longhaul.contracts.drift;

import io.temporal.activity.ActivityInterface;

/**
 * Reads a site's hypervisors (virsh, ovs-vsctl; nothing is changed on them) and records what
 * differs from the inventory; runs on the site's queue.
 */
@ActivityInterface
public interface DriftActivities {
  DriftReport check(String site);
}
