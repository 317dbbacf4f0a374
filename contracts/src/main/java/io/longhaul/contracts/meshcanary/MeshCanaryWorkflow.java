package io.longhaul.contracts.meshcanary;

import io.longhaul.contracts.control.OperatorControlled;
import io.longhaul.contracts.operation.Operation;
import io.longhaul.contracts.operation.Operation.Stage;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Upgrades each IDC's mesh control plane by canary: promote when the analysis passes, else roll
 * back.
 */
@WorkflowInterface
@Operation(
    name = MeshCanary.NAME,
    title = "Mesh control-plane canary",
    description =
        "Per IDC, one at a time and never both of a DR pair: installs the canary istiod revision"
            + " beside the stable one, moves cohorts of namespaces to it (relabel, rolling"
            + " restart), compares each cohort with a stable baseline in Prometheus (Mann-Whitney"
            + " U per metric and hard thresholds), then promotes by moving the revision tag and"
            + " retires the old revision after a soak; a failed analysis rolls every namespace"
            + " back to stable.",
    schema = "operations/mesh-controlplane-canary.schema.json",
    taskQueue = io.longhaul.contracts.TaskQueues.WORKFLOWS,
    stages = {
      @Stage(step = "check-idc", label = "checking the IDC's clusters"),
      @Stage(step = "install-canary", label = "installing the canary revision"),
      @Stage(step = "canary-ready", label = "waiting for the canary to be ready and drained"),
      @Stage(step = "relabel", label = "moving a cohort's namespaces to the canary"),
      @Stage(step = "restart", label = "restarting the cohort's workloads"),
      @Stage(step = "pods-on-canary", label = "waiting for the cohort's pods on the canary"),
      @Stage(step = "analyse", label = "comparing the cohort with its baseline"),
      @Stage(step = "judge", label = "waiting for a judgement of a marginal analysis"),
      @Stage(step = "move-tag", label = "promoting: moving the revision tag"),
      @Stage(step = "pods-off-old", label = "waiting until no pod runs the old revision"),
      @Stage(step = "retire-old", label = "retiring the old revision")
    })
public interface MeshCanaryWorkflow extends OperatorControlled {
  @WorkflowMethod(name = MeshCanary.WORKFLOW_TYPE)
  MeshCanaryView canary(MeshCanaryInput input);

  @QueryMethod(name = MeshCanary.VIEW)
  MeshCanaryView view();
}
