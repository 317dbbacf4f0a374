package io.longhaul.contracts.schedule;

import java.util.List;

/**
 * What a scheduler carries across continue-as-new: the last nominal fire time it dealt with (null
 * before the first iteration: it then starts from "now", never firing the past), the last run it
 * started, a buffered fire (overlap policy buffer_one) and triggers not yet handled.
 */
public record SchedulerState(
    long scheduleId,
    Long lastNominalMillis,
    String lastRunId,
    Long bufferedNominalMillis,
    List<String> triggers) {

  public SchedulerState {
    triggers = triggers == null ? List.of() : List.copyOf(triggers);
  }

  public static SchedulerState initial(long scheduleId) {
    return new SchedulerState(scheduleId, null, null, null, List.of());
  }
}
