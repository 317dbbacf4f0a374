package io.longhaul.workflows.spawn;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.spawn.BulkSpawnInput;
import io.longhaul.contracts.spawn.BulkSpawnResult;
import io.longhaul.contracts.spawn.ChildRunActivities;
import io.longhaul.contracts.spawn.InstanceSpawn;
import io.longhaul.contracts.spawn.InstanceSpawnBulkWorkflow;
import io.longhaul.contracts.spawn.InstanceSpawnWorkflow;
import io.longhaul.contracts.spawn.SpawnInput;
import io.longhaul.contracts.spawn.SpawnResult;
import io.longhaul.workflows.common.ActivityProfiles;
import io.longhaul.workflows.common.ControlledWorkflow;
import io.longhaul.workflows.common.RunJournal;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * N spawns as child workflows, {@code batchSize} at a time; each child is a run of its own (id
 * {@code <bulk run id>-0001}…) with its own timeline and compensation. After {@link
 * #BATCHES_PER_RUN} batches the workflow continues as new with its progress, so its history stays
 * bounded at N = 1,000. A failed child does not stop the others; the result lists it.
 */
public class InstanceSpawnBulkWorkflowImpl extends ControlledWorkflow
    implements InstanceSpawnBulkWorkflow {
  static final int BATCHES_PER_RUN = 4;
  static final int MAX_FAILED_NAMES = 100;

  private final ChildRunActivities childRuns =
      Workflow.newActivityStub(
          ChildRunActivities.class, ActivityProfiles.shortCall(TaskQueues.WORKFLOWS));

  @Override
  public BulkSpawnResult spawnAll(BulkSpawnInput input) {
    if (input.journalSeq() != null) {
      journal = new RunJournal(input.journalSeq());
    }
    return journal.run(() -> batches(journal, input));
  }

  private BulkSpawnResult batches(RunJournal journal, BulkSpawnInput input) {
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
        running.add(Async.function(stub::spawn, c.input()));
      }
      for (int i = 0; i < running.size(); i++) {
        try {
          running.get(i).get();
          succeeded++;
        } catch (ChildWorkflowFailure e) {
          if (failed.size() < MAX_FAILED_NAMES) {
            failed.add(children.get(i).input().name());
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
        in.antiAffinity());
  }
}
