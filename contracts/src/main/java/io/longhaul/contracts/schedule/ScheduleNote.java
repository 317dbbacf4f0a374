package io.longhaul.contracts.schedule;

/** One line of a schedule's history; {@code runId} only with kind fired. */
public record ScheduleNote(
    long scheduleId, long nominalMillis, String kind, String runId, String detail) {}
