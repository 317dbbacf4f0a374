package io.longhaul.contracts.control;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/** Leases on named targets, held in PostgreSQL so they outlive any worker. */
@ActivityInterface
public interface LeaseActivities {
  /** Grants every name or none; with WAIT, a refused run joins each name's queue. */
  LeaseGrant acquire(LeaseRequest request);

  /** Releases and leaves the queues; returns the runs to wake. */
  List<String> release(LeaseRelease release);
}
