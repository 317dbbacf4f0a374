package io.longhaul.contracts.discovery;

import io.temporal.activity.ActivityInterface;

/** Longhaul's inventory in PostgreSQL; runs on the workflow queue. */
@ActivityInterface
public interface InventoryActivities {
  SiteLeaves listLeaves(SiteRequest request);

  /**
   * Makes the site's host links what the tables show: adds, removes, refreshes last-seen, and
   * reports the drift. Idempotent: a second call with the same tables changes nothing.
   */
  DiscoveryReport reconcileHostLinks(ReconcileRequest request);
}
