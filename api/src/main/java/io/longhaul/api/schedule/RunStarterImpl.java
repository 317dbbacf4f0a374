package io.longhaul.api.schedule;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longhaul.api.run.RunService;
import io.longhaul.api.run.StartRunRequest;
import io.longhaul.contracts.schedule.FireRequest;
import io.longhaul.contracts.schedule.RunStarter;
import io.longhaul.db.schedule.Schedule;
import io.longhaul.db.schedule.ScheduleRepository;
import io.temporal.failure.ApplicationFailure;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Starts a scheduled run through {@link RunService}, exactly as {@code POST /api/v1/runs} does. Its
 * requester is the schedule's owner (the run shows the schedule beside it), so the owner is held to
 * separation of duties as if they had started it by hand. The idempotency key is the schedule and
 * its nominal fire time, so a retried activity returns the run it already started.
 */
@Component
public class RunStarterImpl implements RunStarter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ScheduleRepository schedules;
  private final RunService runs;

  public RunStarterImpl(ScheduleRepository schedules, RunService runs) {
    this.schedules = schedules;
    this.runs = runs;
  }

  @Override
  public String startScheduledRun(FireRequest f) {
    Schedule s =
        schedules
            .find(f.scheduleId())
            .orElseThrow(
                () ->
                    ApplicationFailure.newNonRetryableFailure(
                        "schedule " + f.scheduleId() + " was deleted", "ScheduleDeleted"));
    Map<String, Object> params;
    try {
      params = JSON.readValue(s.params(), new TypeReference<>() {});
    } catch (Exception e) {
      throw ApplicationFailure.newNonRetryableFailure("stored params are not JSON", "BadParams");
    }
    var request =
        new StartRunRequest(
            s.operation(),
            params,
            s.reason() + " (schedule " + s.name() + ", " + f.trigger() + ")",
            "schedule-" + s.id() + "-fire-" + f.nominalMillis());
    return runs.startScheduled(request, s.createdBy(), s.name()).run().id();
  }
}
