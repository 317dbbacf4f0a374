package io.longhaul.workflows.schedule;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.schedule.FireRequest;
import io.longhaul.contracts.schedule.FireTimes;
import io.longhaul.contracts.schedule.RunStarter;
import io.longhaul.contracts.schedule.ScheduleActivities;
import io.longhaul.contracts.schedule.ScheduleNote;
import io.longhaul.contracts.schedule.ScheduleSpec;
import io.longhaul.contracts.schedule.ScheduleWorkflow;
import io.longhaul.contracts.schedule.SchedulerState;
import io.longhaul.workflows.common.ActivityProfiles;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Loop: read the schedule, handle triggers and a buffered fire, fire what is due (late fires only
 * within the catch-up window), else sleep until the next fire time or a signal. Every fire ends in
 * continue-as-new, and so do long idle stretches, so the history stays small forever.
 */
public class ScheduleWorkflowImpl implements ScheduleWorkflow {
  /** The longest sleep without re-reading the schedule (covers a lost change signal). */
  static final Duration RECHECK = Duration.ofHours(1);

  /** How often a buffered fire looks whether the previous run has ended. */
  static final Duration BUFFER_POLL = Duration.ofSeconds(30);

  /** A fire this late still counts as on time (timers and workers are never exact). */
  static final Duration GRACE = Duration.ofMinutes(1);

  /** Iterations without a fire before continuing as new. */
  static final int MAX_IDLE_ITERATIONS = 200;

  /** Missed fire times caught up at most per wake-up. */
  static final int MAX_CATCH_UP = 10;

  private final ScheduleActivities store =
      Workflow.newLocalActivityStub(ScheduleActivities.class, ActivityProfiles.bookkeeping());
  private final RunStarter starter =
      Workflow.newActivityStub(RunStarter.class, ActivityProfiles.shortCall(TaskQueues.API));
  private final List<String> triggers = new ArrayList<>();
  private boolean changed;
  private long id;
  private Long lastNominal;
  private String lastRun;
  private Long buffered;

  @Override
  public void run(SchedulerState state) {
    id = state.scheduleId();
    lastNominal = state.lastNominalMillis();
    lastRun = state.lastRunId();
    buffered = state.bufferedNominalMillis();
    triggers.addAll(state.triggers());
    for (int i = 0; i < MAX_IDLE_ITERATIONS; i++) {
      changed = false;
      ScheduleSpec spec = store.load(id);
      if (spec == null) {
        return; // deleted
      }
      long now = Workflow.currentTimeMillis();
      if (lastNominal == null || spec.paused()) {
        // Nothing before the start, or during a pause, is ever caught up.
        lastNominal = now;
      }
      if (!triggers.isEmpty()) {
        fire(spec, now, "trigger by " + triggers.removeFirst());
        continueAsNew();
        return;
      }
      if (buffered != null && (lastRun == null || !store.isLive(lastRun))) {
        long nominal = buffered;
        buffered = null;
        start(spec, nominal, "buffered");
        continueAsNew();
        return;
      }
      if (!spec.paused() && fireDue(spec, now)) {
        continueAsNew();
        return;
      }
      Duration wait = RECHECK;
      Instant next = spec.paused() ? null : FireTimes.next(spec, Instant.ofEpochMilli(lastNominal));
      if (next != null) {
        wait = min(wait, Duration.ofMillis(Math.max(1000, next.toEpochMilli() - now)));
      }
      if (buffered != null) {
        wait = min(wait, BUFFER_POLL);
      }
      Workflow.await(wait, () -> changed || !triggers.isEmpty());
    }
    continueAsNew();
  }

  /** Fires the due times since the last one: late ones only within the catch-up window. */
  private boolean fireDue(ScheduleSpec spec, long now) {
    Instant last = Instant.ofEpochMilli(lastNominal);
    Instant nowI = Instant.ofEpochMilli(now);
    Instant next = FireTimes.next(spec, last);
    if (next == null || next.isAfter(nowI)) {
      return false;
    }
    Duration late = GRACE.plusSeconds(spec.catchupSeconds());
    Instant oldestToFire = nowI.minus(late);
    if (next.isBefore(oldestToFire)) {
      store.record(
          new ScheduleNote(
              id, next.toEpochMilli(), "missed", null, "outside the catch-up window of " + late));
    }
    List<Instant> due =
        FireTimes.between(
            spec, last.isAfter(oldestToFire) ? last : oldestToFire.minusMillis(1), nowI, 1000);
    int from = Math.max(0, due.size() - MAX_CATCH_UP);
    for (Instant t : due.subList(from, due.size())) {
      fire(spec, t.toEpochMilli(), t.isBefore(nowI.minus(GRACE)) ? "catch-up" : "scheduled");
    }
    lastNominal = now;
    return true;
  }

  /** Fires under the overlap policy: with a live previous run, skip, buffer one, or start. */
  private void fire(ScheduleSpec spec, long nominal, String trigger) {
    if (lastRun != null
        && !ScheduleSpec.ALLOW_ALL.equals(spec.overlap())
        && store.isLive(lastRun)) {
      if (ScheduleSpec.BUFFER_ONE.equals(spec.overlap()) && buffered == null) {
        buffered = nominal;
        store.record(
            new ScheduleNote(id, nominal, "buffered", null, "run " + lastRun + " is live"));
      } else {
        store.record(new ScheduleNote(id, nominal, "skipped", null, "run " + lastRun + " is live"));
      }
      return;
    }
    start(spec, nominal, trigger);
  }

  private void start(ScheduleSpec spec, long nominal, String trigger) {
    lastRun = starter.startScheduledRun(new FireRequest(spec.id(), nominal, trigger));
    store.record(new ScheduleNote(id, nominal, "fired", lastRun, trigger));
  }

  private void continueAsNew() {
    Workflow.continueAsNew(
        new SchedulerState(id, lastNominal, lastRun, buffered, new ArrayList<>(triggers)));
  }

  @Override
  public void changed() {
    changed = true;
  }

  @Override
  public void triggerNow(String requester) {
    triggers.add(requester);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
