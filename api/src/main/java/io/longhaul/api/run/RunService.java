package io.longhaul.api.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longhaul.api.audit.AuditService;
import io.longhaul.api.error.BadRequestException;
import io.longhaul.api.error.ConflictException;
import io.longhaul.api.error.FieldProblem;
import io.longhaul.api.operation.OperationCatalog;
import io.longhaul.api.operation.ParamsValidator;
import io.longhaul.contracts.operation.OperationDefinition;
import io.longhaul.contracts.vocabulary.RunStatus;
import io.longhaul.db.run.Run;
import io.longhaul.db.run.RunRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The one way a run starts: validate params against the operation's schema, record the run, start
 * its workflow (workflow id = run id), audit. A double submit with the same idempotency key returns
 * the first run instead of starting another.
 */
@Service
public class RunService {
  private static final Logger log = LoggerFactory.getLogger(RunService.class);
  static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  private final OperationCatalog catalog;
  private final RunRepository runs;
  private final WorkflowClient temporal;
  private final MeterRegistry meters;
  private final AuditService audit;

  public RunService(
      OperationCatalog catalog,
      RunRepository runs,
      WorkflowClient temporal,
      AuditService audit,
      MeterRegistry meters) {
    this.catalog = catalog;
    this.runs = runs;
    this.temporal = temporal;
    this.audit = audit;
    this.meters = meters;
  }

  public record Started(Run run, boolean created) {}

  /**
   * Who a run is attributed to. {@code requestedBy} is accountable for it (separation of duties
   * keeps them from approving it): the caller, a schedule's owner, or a re-run's original
   * requester. {@code viaSchedule} names the schedule that started it, {@code rerunBy} who re-ran
   * it.
   */
  record Attribution(String requestedBy, String viaSchedule, String rerunBy) {
    /** Who the audit log says acted. */
    String actor() {
      if (rerunBy != null) return rerunBy;
      return viaSchedule != null ? "schedule:" + viaSchedule : requestedBy;
    }
  }

  public Started start(StartRunRequest request, String requester) {
    return start(request, new Attribution(requester, null, null), null, null, null);
  }

  /** A run a schedule starts: its requester is the schedule's owner, shown beside the schedule. */
  public Started startScheduled(StartRunRequest request, String owner, String schedule) {
    return start(request, new Attribution(owner, schedule, null), null, null, null);
  }

  /**
   * Re-runs an ended run as a new run of the same change (so it resumes at the first step not
   * completed), with the original's params or edited ones validated like a new request. The
   * original stays untouched. The new run keeps the original's requester (and schedule): a re-run
   * by someone else never makes the original requester an eligible approver. {@code newId} may be
   * chosen by the caller (bulk re-runs announce their ids before releasing them); null picks one.
   */
  public Started rerun(String originalId, RerunRequest request, String requester, String newId) {
    try {
      Run original = checkRerunnable(originalId);
      Map<String, Object> params =
          request.params() != null ? request.params() : parse(original.params());
      var start = new StartRunRequest(original.operation(), params, request.reason(), null);
      var who = new Attribution(original.requestedBy(), original.viaSchedule(), requester);
      return start(start, who, original.id(), original.changeId(), newId);
    } catch (BadRequestException | ConflictException e) {
      audit.record(
          requester,
          "run.re-run.refused",
          "run:" + originalId,
          Map.of("reason", request.reason(), "refused", e.getMessage()));
      throw e;
    }
  }

  /** The run, if it may be re-run now: ended unsuccessfully, and no run of its change is live. */
  public Run checkRerunnable(String originalId) {
    Run original = runs.get(originalId);
    if (!original.status().rerunnable()) {
      throw new ConflictException(
          "status",
          "only a failed, cancelled, terminated, timed out or aborted run can be re-run; run "
              + originalId
              + " is "
              + original.status().value());
    }
    var live = runs.liveOfChange(original.changeId());
    if (!live.isEmpty()) {
      throw new ConflictException(
          "id", "run " + live.getFirst().id() + " of the same change is still live");
    }
    return original;
  }

  private Started start(
      StartRunRequest request, Attribution who, String rerunOf, String changeId, String newId) {
    OperationCatalog.Entry entry =
        catalog
            .find(request.operation())
            .orElseThrow(
                () ->
                    new BadRequestException(
                        "operation", "no operation named " + request.operation()));
    OperationDefinition def = entry.definition();
    JsonNode params = JSON.valueToTree(request.params());
    List<FieldProblem> problems = ParamsValidator.validate(entry, params);
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
    Object input = toInput(entry, params);
    String paramsJson = params.toString();
    String site =
        def.siteField() != null && params.hasNonNull(def.siteField())
            ? params.get(def.siteField()).asText()
            : null;

    var inserted =
        runs.insertPending(
            new Run.NewRun(
                newId != null ? newId : UUID.randomUUID().toString(),
                def.name(),
                paramsJson,
                site,
                who.requestedBy(),
                request.reason(),
                request.idempotencyKey(),
                rerunOf,
                changeId,
                who.viaSchedule(),
                who.rerunBy()));
    Run run = inserted.run();
    if (!inserted.created()) {
      if (!run.operation().equals(def.name())
          || !JSON.valueToTree(parse(run.params())).equals(params)) {
        throw new ConflictException(
            "idempotencyKey",
            "idempotency key was used for a different request (run " + run.id() + ")");
      }
      return new Started(run, false);
    }
    startWorkflow(def, run.id(), input);
    if (rerunOf == null) {
      Map<String, Object> detail = new java.util.LinkedHashMap<>();
      detail.put("operation", def.name());
      detail.put("reason", request.reason());
      if (who.viaSchedule() != null) {
        detail.put("requestedBy", who.requestedBy());
      }
      audit.record(who.actor(), "run.start", "run:" + run.id(), detail);
    } else {
      audit.record(
          who.actor(),
          "run.re-run",
          "run:" + rerunOf,
          Map.of("operation", def.name(), "reason", request.reason(), "newRun", run.id()));
    }
    return new Started(runs.get(run.id()), true);
  }

  /** Asks the run's workflow to cancel; the workflow runs its compensations and reports. */
  public void cancel(String runId, String requester, String reason) {
    Run run = runs.get(runId);
    if (run.status().ended()) {
      throw new ConflictException(
          "status", "run " + runId + " has already ended: " + run.status().value());
    }
    try {
      temporal.newUntypedWorkflowStub(runId).cancel();
    } catch (WorkflowNotFoundException e) {
      throw new ConflictException("id", RunWorkflows.whyGone(temporal, runId));
    }
    audit.record(
        requester, "run.cancel", "run:" + runId, Map.of("reason", reason == null ? "" : reason));
  }

  /** The stub that starts a run's workflow: workflow id = run id, never a second one. */
  static WorkflowStub newStub(WorkflowClient temporal, OperationDefinition def, String runId) {
    return temporal.newUntypedWorkflowStub(
        def.workflowType(),
        WorkflowOptions.newBuilder()
            .setWorkflowId(runId)
            .setTaskQueue(def.taskQueue())
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
            .build());
  }

  private void startWorkflow(OperationDefinition def, String runId, Object input) {
    WorkflowStub stub = newStub(temporal, def, runId);
    try {
      stub.start(input);
    } catch (WorkflowExecutionAlreadyStarted e) {
      // Started by an earlier attempt of this request: the run is live.
    } catch (RuntimeException e) {
      // The run record stays as evidence; it says why nothing ran.
      log.warn("starting run {} failed", runId, e);
      runs.markEnded(runId, RunStatus.FAILED, "StartFailed", "the workflow could not be started");
      throw new IllegalStateException("the workflow could not be started", e);
    }
    try {
      if (runs.markRunning(runId)) {
        // The same counter as the workers' RunMeters: whoever moves the run from pending counts.
        Counter.builder("longhaul.runs.started")
            .description("Runs that began (pending → running), by operation")
            .tag("operation", def.name())
            .register(meters)
            .increment();
      }
    } catch (RuntimeException e) {
      // The workflow runs: never record it as failed. Its first step marks the run running.
      log.warn("run {} started; marking it running failed: {}", runId, e.getMessage());
    }
  }

  /** The workflow's input from valid params: the entry's own conversion, or its input record. */
  static Object toInput(OperationCatalog.Entry entry, JsonNode params) {
    if (entry.input() != null) {
      return entry.input().apply(params);
    }
    OperationDefinition def = entry.definition();
    try {
      return JSON.treeToValue(params, def.inputType());
    } catch (JsonProcessingException e) {
      // Named by where it broke: "params.networkId" for a number beyond what the input holds.
      StringBuilder field = new StringBuilder("params");
      if (e instanceof JsonMappingException m) {
        for (JsonMappingException.Reference r : m.getPath()) {
          field.append(
              r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]");
        }
      }
      // An input record's own rule across fields (e.g. "fromDc and toDc must differ") is said in
      // its words; Jackson's text would name Java classes.
      String message =
          e.getCause() instanceof InputCoercionException
              ? "is out of range"
              : e.getCause() instanceof IllegalArgumentException rule
                  ? rule.getMessage()
                  : "does not fit the operation's input";
      throw new BadRequestException(field.toString(), message);
    }
  }

  /** Any stored JSON value (object, array, scalar) as plain Java values; null stays null. */
  static Object parseValue(String json) {
    if (json == null) {
      return null;
    }
    try {
      return JSON.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is not JSON", e);
    }
  }

  static Map<String, Object> parse(String json) {
    try {
      return JSON.readValue(
          json, JSON.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored params are not JSON", e);
    }
  }
}
