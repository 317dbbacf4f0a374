package io.longhaul.contracts.control;

/** What a run does when a lease it needs is held: queue in request order, or fail at once. */
public enum LeasePolicy {
  WAIT,
  FAIL_FAST
}
