package io.longhaul.workflows.spawn;

import io.longhaul.workflows.common.RunJournal;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * How spawns and teardowns started before {@link InstanceSpawnWorkflowImpl#ON_PLATFORM} act, kept
 * only so that those runs still replay: their side effects are keyed by the run id, their leaves
 * are worked on by a fan-out of their own, and a spawn undoes from its own list, recording one
 * {@code compensated} event per undo (a failed one as {@code failed}, and the rest still run).
 * Delete it once no such run is in flight.
 */
final class BeforePlatform {
  private record Undo(String step, String target, Functions.Proc action) {}

  private final RunJournal journal;
  private final String runId = Workflow.getInfo().getWorkflowId();
  private final Deque<Undo> undos = new ArrayDeque<>();

  BeforePlatform(RunJournal journal) {
    this.journal = journal;
  }

  /** The run id: the key of every side effect of such a run. */
  String runId() {
    return runId;
  }

  /** A key of the form those runs used: run id, then each part. */
  String key(String... parts) {
    return runId + ":" + String.join(":", parts);
  }

  /**
   * The same work on every target at once: the journal's fan-out on the platform ({@code before}
   * null: one target parked does not hold up the others, an abort of one stops them all), else the
   * run's own.
   */
  static <R> void eachAtOnce(
      RunJournal journal,
      BeforePlatform before,
      List<String> targets,
      Functions.Func1<String, R> body) {
    if (before == null) {
      journal.forEach(targets, targets.size(), body);
      return;
    }
    List<Promise<R>> sent = new ArrayList<>();
    for (String target : targets) {
      sent.add(Async.function(() -> body.apply(target)));
    }
    Promise.allOf(sent).get();
    sent.forEach(Promise::get);
  }

  void add(String step, String target, Functions.Proc action) {
    undos.push(new Undo(step, target, action));
  }

  /** Runs every undo, newest first, in a detached scope, so a cancelled run still cleans up. */
  void undo() {
    Workflow.newDetachedCancellationScope(
            () -> {
              while (!undos.isEmpty()) {
                Undo u = undos.pop();
                try {
                  u.action().apply();
                  journal.event(u.step(), u.target(), "compensated", null, null);
                } catch (TemporalFailure e) {
                  journal.event(u.step(), u.target(), "failed", e, "{\"compensation\":true}");
                }
              }
            })
        .run();
  }
}
