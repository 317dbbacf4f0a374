package io.longhaul.workflows.runbook;

import io.longhaul.contracts.action.DryRunRequest;
import io.longhaul.contracts.spawn.LeafPlan;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/** Asks the site's leaves what a runbook's overlay pushes would send; changes nothing. */
@WorkflowInterface
public interface DryRunWorkflow {
  @WorkflowMethod(name = DryRunRequest.WORKFLOW_TYPE)
  List<LeafPlan> plan(DryRunRequest request);
}
