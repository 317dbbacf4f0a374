package io.longhaul.workflows.spawn;

import io.longhaul.contracts.vocabulary.StepEventKind;
import io.longhaul.workflows.common.RunJournal;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Workflow;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A saga's undo list (samples-java bookingsaga): each step registers its compensation before its
 * side effect, so an activity that acted but never answered is undone too; every compensation is
 * idempotent for that reason. {@link #run} undoes in reverse order in a detached scope, so a
 * cancelled run still cleans up, and records each undo as a {@code compensated} event.
 */
final class Compensations {
  private record Undo(String step, String target, Functions.Proc action) {}

  private final RunJournal journal;
  private final Deque<Undo> undos = new ArrayDeque<>();

  Compensations(RunJournal journal) {
    this.journal = journal;
  }

  void add(String step, String target, Functions.Proc action) {
    undos.push(new Undo(step, target, action));
  }

  /**
   * Runs every compensation, newest first. One that fails is recorded and the rest still run: a
   * partial cleanup beats none, and the failed one is named in the run's timeline.
   */
  void run() {
    Workflow.newDetachedCancellationScope(
            () -> {
              while (!undos.isEmpty()) {
                Undo u = undos.pop();
                try {
                  u.action().apply();
                  journal.event(u.step(), u.target(), StepEventKind.COMPENSATED, null, null);
                } catch (TemporalFailure e) {
                  journal.event(
                      u.step(), u.target(), StepEventKind.FAILED, e, "{\"compensation\":true}");
                }
              }
            })
        .run();
  }
}
