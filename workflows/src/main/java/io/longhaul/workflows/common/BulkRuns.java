package io.longhaul.workflows.common;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.control.JournalCarry;
import io.longhaul.contracts.run.BulkOutcome;
import io.longhaul.contracts.run.BulkOutcome.ChildFailure;
import io.longhaul.contracts.run.ChildRunActivities;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Many runs of one operation as child workflows of a bulk run, {@code batchSize} at a time. Each
 * child is a run of its own (id {@code <bulk run id>-0001}…, its record written before it starts,
 * with its own timeline and compensation); a failed child does not stop the others, the outcome
 * lists it. Each batch is one chunk of a {@link CheckpointedPhase}, so finished batches go to the
 * ledger and the bulk continues as new every few batches, keeping every execution's history bounded
 * whatever the count.
 */
public final class BulkRuns<I> {
  /** Where a bulk stands between batches. */
  public record Cursor(int next, int succeeded, int failed, List<ChildFailure> failures) {
    public Cursor {
      failures = failures == null ? List.of() : List.copyOf(failures);
    }
  }

  private final String operation;
  private final String workflowType;
  private final int batchSize;
  private final CheckpointedPhase<Cursor> phase;
  private final ChildRunActivities childRuns =
      Workflow.newActivityStub(
          ChildRunActivities.class, ActivityProfiles.shortCall(TaskQueues.WORKFLOWS));

  /**
   * @param operation the children's operation name, for their run records
   * @param workflowType the children's workflow type
   * @param batchesPerExecution batches before the bulk continues as new
   * @param nextInput the bulk workflow's next input from the journal's carry
   */
  public BulkRuns(
      String operation,
      String workflowType,
      int batchSize,
      int batchesPerExecution,
      Functions.Func1<JournalCarry, Object> nextInput) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1");
    }
    this.operation = Objects.requireNonNull(operation, "operation");
    this.workflowType = Objects.requireNonNull(workflowType, "workflowType");
    this.batchSize = batchSize;
    this.phase =
        CheckpointedPhase.of("batch", Cursor.class)
            .continueAsNewEvery(batchesPerExecution, nextInput);
  }

  /**
   * Runs {@code count} children from {@code start} (null: the beginning); {@code input} makes the
   * i-th child's input, {@code label} names it in the outcome (e.g. an instance name).
   */
  public BulkOutcome run(
      RunJournal journal,
      int count,
      Cursor start,
      Functions.Func1<Integer, I> input,
      Functions.Func1<I, String> label) {
    journal.expect(Math.ceilDiv(count, batchSize));
    Cursor end =
        journal.checkpointed(
            phase,
            start == null ? new Cursor(0, 0, 0, List.of()) : start,
            c -> batch(c, count, input, label),
            c -> c.next() >= count);
    journal.figure("children.succeeded", end.succeeded());
    journal.figure("children.failed", end.failed());
    return new BulkOutcome(count, end.succeeded(), end.failed(), end.failures());
  }

  private Cursor batch(
      Cursor at, int count, Functions.Func1<Integer, I> input, Functions.Func1<I, String> label) {
    String parent = Workflow.getInfo().getWorkflowId();
    int to = Math.min(count, at.next() + batchSize);
    List<ChildRunActivities.ChildRun> children = new ArrayList<>();
    for (int i = at.next(); i < to; i++) {
      children.add(
          new ChildRunActivities.ChildRun(
              parent + "-" + String.format("%04d", i + 1), input.apply(i)));
    }
    childRuns.register(new ChildRunActivities.ChildRuns(parent, operation, children));
    List<Promise<Object>> running = new ArrayList<>();
    for (ChildRunActivities.ChildRun c : children) {
      running.add(
          Workflow.newUntypedChildWorkflowStub(
                  workflowType,
                  ChildWorkflowOptions.newBuilder()
                      .setWorkflowId(c.runId())
                      .setTaskQueue(TaskQueues.WORKFLOWS)
                      .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_REQUEST_CANCEL)
                      .build())
              .executeAsync(Object.class, c.input()));
    }
    int succeeded = at.succeeded();
    int failed = at.failed();
    List<ChildFailure> failures = new ArrayList<>(at.failures());
    for (int i = 0; i < running.size(); i++) {
      try {
        running.get(i).get();
        succeeded++;
      } catch (ChildWorkflowFailure e) {
        failed++;
        if (failures.size() < BulkOutcome.MAX_LISTED) {
          ChildRunActivities.ChildRun c = children.get(i);
          @SuppressWarnings("unchecked")
          I in = (I) c.input();
          Throwable cause = e.getCause() == null ? e : e.getCause();
          failures.add(
              new ChildFailure(
                  c.runId(),
                  label.apply(in),
                  FailureText.typeOf(cause),
                  FailureText.messageOf(cause)));
        }
      }
    }
    return new Cursor(to, succeeded, failed, failures);
  }
}
