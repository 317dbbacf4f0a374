package io.longhaul.api.schedule;

import io.longhaul.db.schedule.Schedule;
import io.longhaul.db.schedule.ScheduleEvent;
import java.time.Instant;
import java.util.List;

/** A schedule with its next fire times and latest events (fired, skipped, buffered, missed). */
public record ScheduleView(
    Schedule schedule, List<Instant> nextFireTimes, List<ScheduleEvent> events) {}
