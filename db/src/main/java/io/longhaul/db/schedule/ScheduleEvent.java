package io.longhaul.db.schedule;

import java.time.OffsetDateTime;

/**
 * What a schedule did at one nominal fire time: fired (with its run), skipped, buffered, missed.
 */
public record ScheduleEvent(
    long id,
    long scheduleId,
    OffsetDateTime nominalAt,
    String kind,
    String runId,
    String detail,
    OffsetDateTime occurredAt) {}
