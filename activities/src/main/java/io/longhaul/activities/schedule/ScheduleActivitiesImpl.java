package io.longhaul.activities.schedule;

import io.longhaul.activities.window.WindowSpecs;
import io.longhaul.contracts.schedule.ScheduleActivities;
import io.longhaul.contracts.schedule.ScheduleNote;
import io.longhaul.contracts.schedule.ScheduleSpec;
import io.longhaul.db.run.RunRepository;
import io.longhaul.db.schedule.Schedule;
import io.longhaul.db.schedule.ScheduleRepository;
import io.longhaul.db.window.WindowRepository;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

@Component
public class ScheduleActivitiesImpl implements ScheduleActivities {
  private final ScheduleRepository schedules;
  private final WindowRepository windows;
  private final RunRepository runs;

  public ScheduleActivitiesImpl(
      ScheduleRepository schedules, WindowRepository windows, RunRepository runs) {
    this.schedules = schedules;
    this.windows = windows;
    this.runs = runs;
  }

  @Override
  public ScheduleSpec load(long scheduleId) {
    return schedules.find(scheduleId).map(this::spec).orElse(null);
  }

  @Override
  public boolean isLive(String runId) {
    return runs.find(runId).map(r -> !r.status().ended()).orElse(false);
  }

  @Override
  public void record(ScheduleNote n) {
    if (schedules.find(n.scheduleId()).isEmpty()) {
      return; // deleted meanwhile: its history went with it
    }
    schedules.event(
        n.scheduleId(),
        OffsetDateTime.ofInstant(Instant.ofEpochMilli(n.nominalMillis()), ZoneOffset.UTC),
        n.kind(),
        n.runId(),
        n.detail());
  }

  private ScheduleSpec spec(Schedule s) {
    return new ScheduleSpec(
        s.id(),
        s.name(),
        s.rrule(),
        s.cron(),
        s.zone(),
        s.anchor() == null ? null : s.anchor().toString(),
        s.windowId() == null ? null : WindowSpecs.of(windows.get(s.windowId())),
        s.overlap(),
        s.catchupSeconds(),
        s.paused());
  }
}
