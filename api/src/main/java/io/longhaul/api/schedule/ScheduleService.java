package io.longhaul.api.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longhaul.api.audit.AuditService;
import io.longhaul.api.error.BadRequestException;
import io.longhaul.api.error.FieldProblem;
import io.longhaul.api.operation.OperationCatalog;
import io.longhaul.api.operation.ParamsValidator;
import io.longhaul.api.window.Specs;
import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.schedule.FireTimes;
import io.longhaul.contracts.schedule.ScheduleSpec;
import io.longhaul.contracts.schedule.ScheduleWorkflow;
import io.longhaul.contracts.schedule.SchedulerState;
import io.longhaul.contracts.window.InvalidCalendarException;
import io.longhaul.contracts.window.WindowCalendar;
import io.longhaul.db.NotFoundException;
import io.longhaul.db.schedule.Schedule;
import io.longhaul.db.schedule.ScheduleRepository;
import io.longhaul.db.window.WindowRepository;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Schedule changes: validated like a run start (the operation's schema checks the params) before
 * anything is written, audited, then told to the schedule's scheduler workflow by signal.
 */
@Service
public class ScheduleService {
  private static final Logger log = LoggerFactory.getLogger(ScheduleService.class);
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  private static final Set<String> OVERLAPS =
      Set.of(ScheduleSpec.SKIP, ScheduleSpec.BUFFER_ONE, ScheduleSpec.ALLOW_ALL);

  private final ScheduleRepository schedules;
  private final WindowRepository windows;
  private final OperationCatalog catalog;
  private final AuditService audit;
  private final WorkflowClient temporal;

  public ScheduleService(
      ScheduleRepository schedules,
      WindowRepository windows,
      OperationCatalog catalog,
      AuditService audit,
      WorkflowClient temporal) {
    this.schedules = schedules;
    this.windows = windows;
    this.catalog = catalog;
    this.audit = audit;
    this.temporal = temporal;
  }

  public Schedule create(ScheduleRequest r, String actor) {
    Schedule s = schedules.create(draft(r), actor);
    audit.record(actor, "schedule.create", "schedule:" + s.id(), Map.of("name", s.name()));
    ensureRunning(s.id());
    return s;
  }

  public Schedule replace(long id, ScheduleRequest r, String actor) {
    schedules.get(id);
    Schedule s = schedules.replace(id, draft(r));
    audit.record(actor, "schedule.update", "schedule:" + id, Map.of("name", s.name()));
    changed(id);
    return s;
  }

  public Schedule pause(long id, boolean paused, String actor) {
    Schedule s = schedules.setPaused(id, paused);
    audit.record(
        actor,
        paused ? "schedule.pause" : "schedule.resume",
        "schedule:" + id,
        Map.of("name", s.name()));
    changed(id);
    return s;
  }

  public void triggerNow(long id, String actor) {
    Schedule s = schedules.get(id);
    ensureRunning(id);
    temporal
        .newWorkflowStub(ScheduleWorkflow.class, ScheduleWorkflow.workflowId(id))
        .triggerNow(actor);
    audit.record(actor, "schedule.trigger", "schedule:" + id, Map.of("name", s.name()));
  }

  public void delete(long id, String actor) {
    Schedule s = schedules.get(id);
    schedules.delete(id);
    audit.record(actor, "schedule.delete", "schedule:" + id, Map.of("name", s.name()));
    changed(id); // the scheduler reads nothing and ends
  }

  /** The next fire times, computed with the scheduler's own pure function. */
  public List<Instant> nextFireTimes(Schedule s, int count) {
    if (s.paused()) {
      return List.of();
    }
    Instant now = Instant.now();
    return FireTimes.between(spec(s), now, now.plus(FireTimes.HORIZON), count);
  }

  /** Starts the schedule's scheduler unless it runs; idempotent, so server start calls it too. */
  public void ensureRunning(long id) {
    ScheduleWorkflow stub =
        temporal.newWorkflowStub(
            ScheduleWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(ScheduleWorkflow.workflowId(id))
                .setTaskQueue(TaskQueues.WORKFLOWS)
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                .build());
    try {
      WorkflowClient.start(stub::run, SchedulerState.initial(id));
    } catch (WorkflowExecutionAlreadyStarted e) {
      // Already running: nothing to do.
    }
  }

  private void changed(long id) {
    try {
      temporal
          .newUntypedWorkflowStub(ScheduleWorkflow.workflowId(id))
          .signal(ScheduleWorkflow.CHANGED);
    } catch (RuntimeException e) {
      log.debug("scheduler of schedule {} did not take the change: {}", id, e.getMessage());
    }
  }

  ScheduleSpec spec(Schedule s) {
    return new ScheduleSpec(
        s.id(),
        s.name(),
        s.rrule(),
        s.cron(),
        s.zone(),
        s.anchor() == null ? null : s.anchor().toString(),
        s.windowId() == null ? null : Specs.of(windows.get(s.windowId())),
        s.overlap(),
        s.catchupSeconds(),
        s.paused());
  }

  private Schedule.Draft draft(ScheduleRequest r) {
    var entry =
        catalog
            .find(r.operation())
            .orElseThrow(
                () -> new BadRequestException("operation", "no operation named " + r.operation()));
    JsonNode params = JSON.valueToTree(r.params());
    List<FieldProblem> problems = ParamsValidator.validate(entry, params);
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
    String zone = r.zone() == null || r.zone().isBlank() ? "UTC" : r.zone();
    String overlap = r.overlap() == null ? ScheduleSpec.SKIP : r.overlap();
    if (!OVERLAPS.contains(overlap)) {
      throw new BadRequestException("overlap", "must be one of skip, buffer_one, allow_all");
    }
    int catchup = r.catchupSeconds() == null ? 0 : r.catchupSeconds();
    if (catchup < 0) {
      throw new BadRequestException("catchupSeconds", "must not be negative");
    }
    boolean hasRecurrence = notBlank(r.rrule()) || notBlank(r.cron());
    if (hasRecurrence == (r.windowId() != null)) {
      throw new BadRequestException(
          "windowId", "give exactly one of a recurrence (rrule or cron) and a window");
    }
    if (r.windowId() != null) {
      try {
        windows.get(r.windowId());
      } catch (NotFoundException e) {
        throw new BadRequestException("windowId", "no window " + r.windowId());
      }
      WindowCalendar.zone(zone);
    } else {
      try {
        WindowCalendar.of(r.rrule(), r.cron(), 1, zone, r.anchor(), List.of());
      } catch (InvalidCalendarException e) {
        throw new BadRequestException(e.field(), e.problem());
      }
    }
    return new Schedule.Draft(
        r.name(),
        r.operation(),
        params.toString(),
        r.reason(),
        notBlank(r.rrule()) ? r.rrule().trim() : null,
        notBlank(r.cron()) ? r.cron().trim() : null,
        r.windowId(),
        zone,
        notBlank(r.anchor()) ? LocalDateTime.parse(r.anchor()) : null,
        overlap,
        catchup);
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
