package io.longhaul.workflows.runbook;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.action.DryRunRequest;
import io.longhaul.contracts.spawn.LeafPlan;
import io.longhaul.contracts.spawn.OverlayPlanRequest;
import io.longhaul.contracts.spawn.SwitchActivities;
import io.longhaul.workflows.common.ActivityProfiles;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * The device half of a dry run: the same {@code planOverlay} read the spawn's approval shows, for
 * each push the runbook would make, all at once. Not a run: nothing to record, park or undo.
 */
public class DryRunWorkflowImpl implements DryRunWorkflow {
  @Override
  public List<LeafPlan> plan(DryRunRequest request) {
    SwitchActivities leaves =
        Workflow.newActivityStub(
            SwitchActivities.class, ActivityProfiles.shortCall(TaskQueues.site(request.site())));
    List<Promise<LeafPlan>> asked = new ArrayList<>();
    for (OverlayPlanRequest r : request.overlays()) {
      asked.add(Async.function(leaves::planOverlay, r));
    }
    return asked.stream().map(Promise::get).toList();
  }
}
