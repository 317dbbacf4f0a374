package io.longhaul.api.run;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.longhaul.contracts.control.OperatorControlled;
import io.longhaul.contracts.vocabulary.RunStatus;
import io.longhaul.db.control.LeaseRepository;
import io.longhaul.db.run.Run;
import io.longhaul.db.run.RunRepository;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repairs run records whose workflow ended without reporting (terminated, timed out, a worker that
 * died between the last step and the report). It asks Temporal about each quiet unfinished run with
 * DescribeWorkflowExecution: the embedded test server has no visibility queries.
 */
public class RunReconciler {
  private static final Logger log = LoggerFactory.getLogger(RunReconciler.class);

  private final RunRepository runs;
  private final WorkflowClient temporal;
  private final Duration quietFor;

  private final LeaseRepository leases;

  public RunReconciler(RunRepository runs, WorkflowClient temporal, Duration quietFor) {
    this(runs, temporal, quietFor, null);
  }

  public RunReconciler(
      RunRepository runs, WorkflowClient temporal, Duration quietFor, LeaseRepository leases) {
    this.runs = runs;
    this.temporal = temporal;
    this.quietFor = quietFor;
    this.leases = leases;
  }

  /** One pass; returns how many records it repaired. */
  public int reconcile() {
    int repaired = repairRecords();
    if (leases != null) {
      releaseLeasesOfEndedRuns();
    }
    return repaired;
  }

  /**
   * A run that ended without releasing its leases (terminated, timed out, its worker gone for good)
   * would hold its targets forever; release them and wake whoever waits next.
   */
  private void releaseLeasesOfEndedRuns() {
    for (String waiter : leases.releaseEnded(RunStatus.liveValues())) {
      try {
        temporal.newUntypedWorkflowStub(waiter).signal(OperatorControlled.LEASE_AVAILABLE);
      } catch (RuntimeException e) {
        // Its bounded poll finds the lease free anyway.
        log.debug("waking {} failed", waiter, e);
      }
    }
  }

  private int repairRecords() {
    int repaired = 0;
    for (Run run : runs.listUnfinishedSince(OffsetDateTime.now().minus(quietFor), 500)) {
      try {
        if (repair(run)) {
          repaired++;
        } else {
          runs.touch(run.id());
        }
      } catch (RuntimeException e) {
        log.warn("reconciling run {} failed; will try again", run.id(), e);
      }
    }
    return repaired;
  }

  private boolean repair(Run run) {
    WorkflowExecutionStatus status;
    try {
      status =
          temporal
              .getWorkflowServiceStubs()
              .blockingStub()
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(temporal.getOptions().getNamespace())
                      .setExecution(WorkflowExecution.newBuilder().setWorkflowId(run.id()))
                      .build())
              .getWorkflowExecutionInfo()
              .getStatus();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND && run.status() == RunStatus.PENDING) {
        return runs.markEnded(
            run.id(), RunStatus.FAILED, "StartFailed", "the workflow never started");
      }
      throw e;
    }
    RunStatus ended =
        switch (status) {
          case WORKFLOW_EXECUTION_STATUS_COMPLETED -> RunStatus.SUCCEEDED;
          case WORKFLOW_EXECUTION_STATUS_FAILED -> RunStatus.FAILED;
          case WORKFLOW_EXECUTION_STATUS_CANCELED -> RunStatus.CANCELLED;
          case WORKFLOW_EXECUTION_STATUS_TERMINATED -> RunStatus.TERMINATED;
          case WORKFLOW_EXECUTION_STATUS_TIMED_OUT -> RunStatus.TIMED_OUT;
          default -> null;
        };
    if (ended == null) {
      return false;
    }
    log.info("run {} ended as {} without reporting; record repaired", run.id(), ended.value());
    return runs.markEnded(run.id(), ended, null, "reconciled from Temporal: " + status.name());
  }
}
