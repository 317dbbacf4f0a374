package io.longhaul.contracts.schedule;

import io.longhaul.contracts.window.WindowSpec;

/**
 * What a scheduler needs to know of its schedule: when it fires (an RRULE or cron in {@code zone},
 * or each opening of {@code window}), its overlap policy, how far back it catches up after an
 * outage, whether it is paused. The params live in the schedule's row; the starter reads them.
 */
public record ScheduleSpec(
    long id,
    String name,
    String rrule,
    String cron,
    String zone,
    String anchor,
    WindowSpec window,
    String overlap,
    long catchupSeconds,
    boolean paused) {
  public static final String SKIP = "skip";
  public static final String BUFFER_ONE = "buffer_one";
  public static final String ALLOW_ALL = "allow_all";
}
