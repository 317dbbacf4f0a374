package io.longhaul.api.run;

import io.longhaul.contracts.control.OperatorControlled;
import io.longhaul.contracts.vocabulary.RunStatus;
import io.longhaul.db.control.LeaseRepository;
import io.longhaul.db.run.Run;
import io.longhaul.db.run.RunRepository;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repairs run records whose workflow ended without reporting (terminated, timed out, a worker that
 * died between the last step and the report) or whose workflow Temporal lost (an embedded server's
 * restart): those are resumed when a {@link RunResumer} is set, else marked failed. It asks
 * Temporal about each quiet unfinished run with DescribeWorkflowExecution: the embedded test server
 * has no visibility queries.
 */
public class RunReconciler {
  private static final Logger log = LoggerFactory.getLogger(RunReconciler.class);

  /** How long a pending run may take to get its workflow started. */
  static final Duration START_GRACE = Duration.ofMinutes(1);

  /** Pending runs recorded before this process started cannot be mid-start in it. */
  private final OffsetDateTime bootedAt = OffsetDateTime.now();

  private final RunRepository runs;
  private final WorkflowClient temporal;
  private final Duration quietFor;

  private final LeaseRepository leases;
  private RunResumer resumer;

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

  /**
   * Resume runs whose workflow Temporal does not know (the embedded server lost it in a restart)
   * instead of failing them.
   */
  public RunReconciler resumingWith(RunResumer resumer) {
    this.resumer = resumer;
    return this;
  }

  /**
   * A live run whose workflow Temporal does not know. A pending run younger than {@link
   * #START_GRACE} may still be starting; older, its start was lost with the process that made it.
   */
  private boolean lost(Run run) {
    if (run.status() == RunStatus.PENDING
        && run.createdAt().isAfter(OffsetDateTime.now().minus(START_GRACE))
        && run.createdAt().isAfter(bootedAt)) {
      return false;
    }
    if (resumer != null) {
      return resumer.resume(run) != RunResumer.Outcome.LEFT_TO_PARENT;
    }
    return run.status() == RunStatus.PENDING
        ? runs.markEnded(run.id(), RunStatus.FAILED, "StartFailed", "the workflow never started")
        : runs.markEnded(
            run.id(),
            RunStatus.FAILED,
            "WorkflowLost",
            "Temporal has no workflow for this run any more (lost outside Longhaul)");
  }

  /** One pass; returns how many records it repaired. */
  public synchronized int reconcile() {
    return reconcile(quietFor);
  }

  /**
   * One pass over every live run however recently it was touched, as at start: a restarted embedded
   * server knows none of them.
   */
  public synchronized int reconcileAll() {
    return reconcile(Duration.ZERO);
  }

  private int reconcile(Duration quiet) {
    int repaired = repairRecords(quiet);
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

  private int repairRecords(Duration quiet) {
    int repaired = 0;
    for (Run run : runs.listUnfinishedSince(OffsetDateTime.now().minus(quiet), 5000)) {
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
    Optional<WorkflowExecutionStatus> known = RunWorkflows.status(temporal, run.id());
    if (known.isEmpty()) {
      return lost(run);
    }
    WorkflowExecutionStatus status = known.get();
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
