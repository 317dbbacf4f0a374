package io.longhaul.workflows.hdfsmigration;

import io.longhaul.contracts.control.JournalCarry;
import io.longhaul.contracts.hdfsmigration.HdfsActivities;
import io.longhaul.contracts.hdfsmigration.HdfsActivities.BandwidthChange;
import io.longhaul.contracts.hdfsmigration.HdfsActivities.Load;
import io.longhaul.contracts.hdfsmigration.HdfsActivities.Observation;
import io.longhaul.contracts.hdfsmigration.HdfsActivities.ObserveRequest;
import io.longhaul.contracts.hdfsmigration.HdfsActivities.PolicyChange;
import io.longhaul.contracts.vocabulary.StepEventKind;
import io.longhaul.contracts.window.Scope;
import io.longhaul.workflows.common.CheckpointedPhase;
import io.longhaul.workflows.common.RunJournal;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;

/**
 * A replica phase (copy 3:0 → 3:3, drain 3:3 → 0:3) as a checkpointed phase of 30-minute chunks:
 * each chunk gives the next paths their new policy, sets the Mover's bandwidth (the cap, lowered
 * under stress), watches the replicas, the NameNode and the link, and ends by idling the Mover, so
 * nothing moves between chunks — outside the windows, above all. A cap change wakes the chunk at
 * once.
 */
final class ReplicaPhase {
  static final Duration CHUNK = Duration.ofMinutes(30);
  static final int PATHS_PER_CHUNK = 2;
  static final int CHUNKS_PER_EXECUTION = 12;

  /** A path and the policy the phase gives it. */
  record Target(String path, String policy) {}

  private final RunJournal journal;
  private final HdfsActivities hdfs;
  private final MigrationState state;
  private final String cluster;

  ReplicaPhase(RunJournal journal, HdfsActivities hdfs, MigrationState state, String cluster) {
    this.journal = journal;
    this.hdfs = hdfs;
    this.state = state;
    this.cluster = cluster;
  }

  /**
   * Runs phase {@code name} until {@code dc} holds {@code goal} replicas of the paths (at least,
   * when {@code adding}; at most, when dropping).
   */
  CopyCursor run(
      String name,
      List<Target> targets,
      String dc,
      long goal,
      boolean adding,
      Scope scope,
      Functions.Func1<JournalCarry, Object> next) {
    CheckpointedPhase<CopyCursor> phase =
        CheckpointedPhase.of(name, CopyCursor.class).continueAsNewEvery(CHUNKS_PER_EXECUTION, next);
    if (scope != null) {
      phase = phase.inWindow(CHUNK, scope);
    }
    List<String> paths = targets.stream().map(Target::path).toList();
    return journal.checkpointed(
        phase,
        new CopyCursor(0, false, state.pauses, 0),
        c -> chunk(name, c, targets, paths, dc, goal, adding),
        CopyCursor::complete);
  }

  private CopyCursor chunk(
      String name,
      CopyCursor c,
      List<Target> targets,
      List<String> paths,
      String dc,
      long goal,
      boolean adding) {
    long start = Workflow.currentTimeMillis();
    int pauses =
        c.pauses()
            + (c.lastChunkEndMillis() > 0 && start - c.lastChunkEndMillis() > CHUNK.toMillis()
                ? 1
                : 0);
    state.pauses = pauses;
    int activated = c.activated();
    for (int k = 0; k < PATHS_PER_CHUNK && activated < targets.size(); k++, activated++) {
      Target t = targets.get(activated);
      hdfs.setPolicy(new PolicyChange(cluster, t.path(), t.policy()));
    }
    Load load = null;
    applyCap(name, dc, load, true);
    long last = start;
    boolean complete = false;
    while (Workflow.currentTimeMillis() - start < CHUNK.toMillis()) {
      Observation o = hdfs.observe(new ObserveRequest(cluster, paths));
      long now = Workflow.currentTimeMillis();
      state.observed(o, dc, goal, adding, now - last);
      last = now;
      load = o.load();
      applyCap(name, dc, load, !"RUNNING".equals(o.movers().get(dc)));
      state.show(journal);
      long have = o.replicas().getOrDefault(dc, 0L);
      if (activated == targets.size() && (adding ? have >= goal : have <= goal)) {
        complete = true;
        break;
      }
      state.capChanged = false;
      long left = CHUNK.toMillis() - (Workflow.currentTimeMillis() - start);
      Workflow.await(
          Duration.ofMillis(Math.max(1, Math.min(left, poll().toMillis()))),
          () -> state.capChanged);
      if (state.capChanged) {
        applyCap(name, dc, load, false);
      }
    }
    hdfs.setBandwidth(new BandwidthChange(cluster, dc, 0));
    return new CopyCursor(activated, complete, pauses, Workflow.currentTimeMillis());
  }

  /** Polls often when the phase is near its end, rarely on a phase of days. */
  private Duration poll() {
    long eta = state.snapshot().etaSeconds();
    long seconds = eta < 0 ? 60 : Math.max(5, Math.min(300, eta / 20));
    return Duration.ofSeconds(seconds);
  }

  /** Sets the Mover's bandwidth to the throttled cap when it changed (or {@code force}). */
  private void applyCap(String phase, String dc, Load load, boolean force) {
    Throttle t = Throttle.of(state.cap, load);
    if (!force && t.equals(state.throttle)) {
      return;
    }
    hdfs.setBandwidth(new BandwidthChange(cluster, dc, t.bytesPerSec()));
    if (!t.equals(state.throttle)) {
      // The reason is the throttle's own text (no quotes or backslashes), so it is JSON as it is.
      String detail =
          String.format(
              "{\"cap\":%d,\"effective\":%d,\"reason\":\"%s\"}",
              state.cap, t.bytesPerSec(), t.reason() == null ? "cap" : t.reason());
      journal.event(phase, dc, StepEventKind.THROTTLED, null, detail);
    }
    state.throttle = t;
  }
}
