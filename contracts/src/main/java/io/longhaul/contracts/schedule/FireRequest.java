package io.longhaul.contracts.schedule;

/** A fire of schedule {@code scheduleId} for nominal time {@code nominalMillis}; why it fired. */
public record FireRequest(long scheduleId, long nominalMillis, String trigger) {}
