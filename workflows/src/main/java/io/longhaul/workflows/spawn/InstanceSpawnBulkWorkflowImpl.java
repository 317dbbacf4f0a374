package io.longhaul.workflows.spawn;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.control.JournalCarry;
import io.longhaul.contracts.run.BulkOutcome;
import io.longhaul.contracts.run.ChildRunActivities;
import io.longhaul.contracts.spawn.BulkSpawnInput;
import io.longhaul.contracts.spawn.BulkSpawnResult;
import io.longhaul.contracts.spawn.InstanceSpawn;
import io.longhaul.contracts.spawn.InstanceSpawnBulkWorkflow;
import io.longhaul.contracts.spawn.InstanceSpawnWorkflow;
import io.longhaul.contracts.spawn.SpawnInput;
import io.longhaul.contracts.spawn.SpawnResult;
import io.longhaul.workflows.common.ActivityProfiles;
import io.longhaul.workflows.common.BulkRuns;
import io.longhaul.workflows.common.ControlledWorkflow;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * N spawns as child runs of the platform's {@link BulkRuns}: {@code batchSize} at a time, each a
 * run of its own (id {@code <bulk run id>-0001}…), continuing as new every {@link #BATCHES_PER_RUN}
 * batches so the history stays bounded at N = 1,000. A failed child does not stop the others; the
 * result names it.
 */
public class InstanceSpawnBulkWorkflowImpl extends ControlledWorkflow
    implements InstanceSpawnBulkWorkflow {
  /** Histories recorded before bulk runs became a platform primitive replay on the old loop. */
  static final String BULK_RUNS = "bulk-runs";

  static final int BATCHES_PER_RUN = 4;
  static final int MAX_FAILED_NAMES = BulkOutcome.MAX_LISTED;

  @Override
  public BulkSpawnResult spawnAll(BulkSpawnInput input) {
    if (input.carry() != null) {
      journal.resume(input.carry());
    } else if (input.journalSeq() != null) {
      journal.resume(numberedFrom(input.journalSeq()));
    }
    if (Workflow.getVersion(BULK_RUNS, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      return journal.run(() -> legacyBatches(input));
    }
    return journal.run(() -> bulk(input));
  }

  private BulkSpawnResult bulk(BulkSpawnInput input) {
    BulkRuns<SpawnInput> children =
        new BulkRuns<>(
            InstanceSpawn.SPAWN.name(),
            InstanceSpawn.WORKFLOW_TYPE,
            input.batchSizeOrDefault(),
            BATCHES_PER_RUN,
            input::continuedWith);
    // A run continued by the old loop left its cursor in the input instead of the carry.
    BulkRuns.Cursor start =
        input.next() == null
            ? null
            : new BulkRuns.Cursor(
                input.nextOrZero(), input.succeededOrZero(), input.failed().size(), List.of());
    BulkOutcome out =
        children.run(journal, input.count(), start, i -> child(input, i), SpawnInput::name);
    List<String> failed = new ArrayList<>(input.next() == null ? List.of() : input.failed());
    out.failures().stream()
        .limit(Math.max(0, MAX_FAILED_NAMES - failed.size()))
        .forEach(f -> failed.add(f.label()));
    return new BulkSpawnResult(input.count(), out.succeeded(), failed);
  }

  private static JournalCarry numberedFrom(int seq) {
    return new JournalCarry(seq, 0, 0, null, null, null, null, null, -1);
  }

  /** The loop runs recorded before {@link #BULK_RUNS} replay on; new runs never take it. */
  private BulkSpawnResult legacyBatches(BulkSpawnInput input) {
    ChildRunActivities childRuns =
        Workflow.newActivityStub(
            ChildRunActivities.class, ActivityProfiles.shortCall(TaskQueues.WORKFLOWS));
    String runId = Workflow.getInfo().getWorkflowId();
    int next = input.nextOrZero();
    int succeeded = input.succeededOrZero();
    List<String> failed = new ArrayList<>(input.failed());
    for (int b = 0; b < BATCHES_PER_RUN && next < input.count(); b++) {
      int to = Math.min(input.count(), next + input.batchSizeOrDefault());
      List<ChildRunActivities.ChildRun> children = new ArrayList<>();
      for (int i = next; i < to; i++) {
        children.add(
            new ChildRunActivities.ChildRun(
                runId + "-" + String.format("%04d", i + 1), child(input, i)));
      }
      journal.step(
          "register-batch",
          (next + 1) + "-" + to,
          () ->
              childRuns.register(
                  new ChildRunActivities.ChildRuns(runId, InstanceSpawn.SPAWN.name(), children)));
      List<Promise<SpawnResult>> running = new ArrayList<>();
      for (ChildRunActivities.ChildRun c : children) {
        InstanceSpawnWorkflow stub =
            Workflow.newChildWorkflowStub(
                InstanceSpawnWorkflow.class,
                ChildWorkflowOptions.newBuilder()
                    .setWorkflowId(c.runId())
                    .setTaskQueue(TaskQueues.WORKFLOWS)
                    .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_REQUEST_CANCEL)
                    .build());
        running.add(Async.function(stub::spawn, (SpawnInput) c.input()));
      }
      for (int i = 0; i < running.size(); i++) {
        try {
          running.get(i).get();
          succeeded++;
        } catch (ChildWorkflowFailure e) {
          if (failed.size() < MAX_FAILED_NAMES) {
            failed.add(((SpawnInput) children.get(i).input()).name());
          }
        }
      }
      next = to;
    }
    if (next < input.count()) {
      Workflow.continueAsNew(input.continueAt(next, succeeded, failed, journal.nextSeq()));
    }
    return new BulkSpawnResult(input.count(), succeeded, failed);
  }

  private static SpawnInput child(BulkSpawnInput in, int index) {
    return new SpawnInput(
        in.site(),
        in.nameOf(index),
        SpawnInput.VM,
        in.networkId(),
        in.networkLabel(),
        null,
        null,
        in.vcpus(),
        in.memoryMiB(),
        in.antiAffinity(),
        false);
  }
}
