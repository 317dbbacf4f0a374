package io.longhaul.workflows.drift;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.drift.DriftActivities;
import io.longhaul.contracts.drift.DriftReport;
import io.longhaul.contracts.drift.DriftWatchState;
import io.longhaul.contracts.drift.DriftWatchWorkflow;
import io.longhaul.workflows.common.ActivityProfiles;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;

/**
 * Check, sleep, check again; continue as new after {@code checksPerExecution} checks. A check that
 * fails after its retries (the database or the site's workers away) is logged and the next one runs
 * as planned: the watch itself never ends, and never stands between an operator and a host — it is
 * not a run, holds no lease and changes nothing on a hypervisor.
 */
public class DriftWatchWorkflowImpl implements DriftWatchWorkflow {
  private static final Logger log = Workflow.getLogger(DriftWatchWorkflowImpl.class);

  private DriftReport last;

  @Override
  public void watch(DriftWatchState state) {
    DriftActivities hosts =
        Workflow.newActivityStub(
            DriftActivities.class, ActivityProfiles.hostChange(TaskQueues.site(state.site())));
    Duration interval = Duration.ofSeconds(Math.max(1, state.intervalSeconds()));
    int checks = Math.max(1, state.checksPerExecution());
    for (int i = 0; i < checks; i++) {
      try {
        last = hosts.check(state.site());
      } catch (ActivityFailure e) {
        log.warn("drift check of {} failed: {}", state.site(), e.getCause().getMessage());
        last =
            new DriftReport(
                state.site(),
                state.checksDone() + i + 1,
                List.of(),
                last == null ? List.of() : last.drifting(),
                last == null ? List.of() : last.unaccounted(),
                List.of("check failed: " + e.getCause().getMessage()));
      }
      Workflow.sleep(interval);
    }
    Workflow.continueAsNew(
        new DriftWatchState(
            state.site(), state.intervalSeconds(), checks, state.checksDone() + checks));
  }

  @Override
  public DriftReport lastReport() {
    return last;
  }
}
