package io.longhaul.contracts.hdfsmigration;

import io.longhaul.contracts.control.OperatorControlled;
import io.longhaul.contracts.operation.Operation;
import io.longhaul.contracts.operation.Operation.Stage;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Moves one BU's HDFS data and jobs from one DC to the other (seed 002): plan, 3:0 → 3:3 in
 * windows, users and queues flipped, soak, 3:3 → 0:3; rollback at any phase.
 */
@WorkflowInterface
@Operation(
    name = HdfsMigration.NAME,
    title = "HDFS BU migration between DCs",
    description =
        "Copies a business unit's HDFS directories to the other data center (3:0 → 3:3) in"
            + " maintenance windows at a bandwidth cap, moves its users and queues there, soaks,"
            + " then drops the old DC's replicas (0:3). Any phase can be rolled back.",
    schema = "operations/hdfs-bu-migration.schema.json",
    stages = {
      @Stage(step = "health", label = "checking the NameNode"),
      @Stage(step = "plan", label = "planning the BU's paths, bytes and quotas"),
      @Stage(step = "approve", label = "waiting for the plan's approval"),
      @Stage(step = "copy", label = "copying replicas to the new DC (3:0 → 3:3)"),
      @Stage(step = "fsck", label = "verifying placement with Cross-IDC fsck"),
      @Stage(step = "flip", label = "moving users and queues"),
      @Stage(step = "soak", label = "soaking: watching cross-DC traffic"),
      @Stage(step = "drain", label = "dropping the old DC's replicas (3:3 → 0:3)")
    })
public interface HdfsMigrationWorkflow extends OperatorControlled {
  @WorkflowMethod(name = HdfsMigration.WORKFLOW_TYPE)
  MigrationReport migrate(HdfsMigrationInput input);

  /** The migration's own progress. */
  @QueryMethod
  MigrationProgress migration();

  /** Sets the copy's bandwidth cap; the Mover has it within a second. */
  @UpdateMethod
  long setCap(CapChange change);

  @UpdateValidatorMethod(updateName = "setCap")
  void validateCap(CapChange change);

  /** Ends the soak early. */
  @UpdateMethod
  String endSoak(SoakEnd end);

  @UpdateValidatorMethod(updateName = "endSoak")
  void validateEndSoak(SoakEnd end);
}
