package io.longhaul.workflows.schedule;

import io.longhaul.contracts.schedule.FireRequest;
import io.longhaul.contracts.schedule.RunStarter;
import io.longhaul.contracts.schedule.ScheduleActivities;
import io.longhaul.contracts.schedule.ScheduleNote;
import io.longhaul.contracts.schedule.ScheduleSpec;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** A schedule's row, its runs and its history, in memory. Runs stay live until ended. */
final class ScheduleFakes implements ScheduleActivities, RunStarter {
  final AtomicReference<ScheduleSpec> spec = new AtomicReference<>();
  final List<FireRequest> fires = new CopyOnWriteArrayList<>();
  final List<ScheduleNote> notes = new CopyOnWriteArrayList<>();
  final Set<String> live = ConcurrentHashMap.newKeySet();
  volatile boolean runsEndAtOnce = true;

  ScheduleFakes(ScheduleSpec spec) {
    this.spec.set(spec);
  }

  @Override
  public ScheduleSpec load(long scheduleId) {
    return spec.get();
  }

  @Override
  public boolean isLive(String runId) {
    return live.contains(runId);
  }

  @Override
  public void record(ScheduleNote note) {
    notes.add(note);
  }

  @Override
  public String startScheduledRun(FireRequest request) {
    String runId = "run-" + request.nominalMillis();
    if (fires.stream().noneMatch(f -> f.nominalMillis() == request.nominalMillis())) {
      fires.add(request);
      if (!runsEndAtOnce) {
        live.add(runId);
      }
    }
    return runId;
  }

  List<String> kinds() {
    return notes.stream().map(ScheduleNote::kind).toList();
  }
}
