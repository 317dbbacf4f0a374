package io.longhaul.api.run;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import java.util.Optional;

/**
 * What Temporal knows of a run's workflow (workflow id = run id), by DescribeWorkflowExecution: the
 * embedded test server has no visibility queries.
 */
public final class RunWorkflows {
  private RunWorkflows() {}

  /** The workflow's status; empty when Temporal has no workflow under the run's id. */
  static Optional<WorkflowExecutionStatus> status(WorkflowClient temporal, String runId) {
    try {
      return Optional.of(
          temporal
              .getWorkflowServiceStubs()
              .blockingStub()
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(temporal.getOptions().getNamespace())
                      .setExecution(WorkflowExecution.newBuilder().setWorkflowId(runId))
                      .build())
              .getWorkflowExecutionInfo()
              .getStatus());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Why an action on a live run found no live workflow, in an operator's words. */
  public static String whyGone(WorkflowClient temporal, String runId) {
    Optional<WorkflowExecutionStatus> status;
    try {
      status = status(temporal, runId);
    } catch (RuntimeException e) {
      return "run " + runId + " has no live workflow: Temporal cannot be asked about it now";
    }
    if (status.isEmpty()) {
      return "run "
          + runId
          + " has no live workflow: Temporal no longer knows it (its executor restarted); Longhaul"
          + " resumes it from its record, or marks it failed if it cannot; try again shortly";
    }
    String ended =
        status
            .get()
            .name()
            .replace("WORKFLOW_EXECUTION_STATUS_", "")
            .toLowerCase()
            .replace('_', ' ');
    return "run "
        + runId
        + " has no live workflow: it ended in Temporal as "
        + ended
        + " outside Longhaul; its record is being settled";
  }
}
