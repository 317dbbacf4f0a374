package io.longhaul.contracts.drift;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One long-lived workflow per site (id {@link #workflowId}): every interval it compares the domains
 * and OVS ports of the site's hypervisors with the inventory and marks instances degraded, missing
 * or active again; it continues as new every {@link DriftWatchState#checksPerExecution} checks, so
 * its history stays small however long it runs. It never changes a hypervisor.
 */
@WorkflowInterface
public interface DriftWatchWorkflow {
  static String workflowId(String siteCode) {
    return "drift-watch:" + siteCode;
  }

  @WorkflowMethod
  void watch(DriftWatchState state);

  /** The last check's findings (null before the first). */
  @QueryMethod
  DriftReport lastReport();
}
