package io.longhaul.api.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.longhaul.api.operation.OperationCatalog;
import io.longhaul.api.operation.ParamsValidator;
import io.longhaul.contracts.vocabulary.RunStatus;
import io.longhaul.contracts.vocabulary.StepEventKind;
import io.longhaul.db.run.Run;
import io.longhaul.db.run.RunEvent;
import io.longhaul.db.run.RunEventRepository;
import io.longhaul.db.run.RunRepository;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts the workflow of a run that PostgreSQL holds as live and Temporal does not know (the
 * embedded test server keeps its history in memory, so a restart loses every workflow): same run id
 * and change id, the input its record holds. The step ledger makes completed steps reused, not
 * applied again; the decisions it waited for are restored from its record by the journal (see
 * {@code RunContext.parked}). A run that cannot be resumed is marked failed, saying why.
 */
@Component
public class RunResumer {
  private static final Logger log = LoggerFactory.getLogger(RunResumer.class);

  /** A child run of a bulk run: {@code <bulk run id>-0001}. Its parent starts it again. */
  private static final Pattern CHILD = Pattern.compile("^(.+)-\\d{4}$");

  private final OperationCatalog catalog;
  private final RunRepository runs;
  private final RunEventRepository events;
  private final WorkflowClient temporal;

  public RunResumer(
      OperationCatalog catalog,
      RunRepository runs,
      RunEventRepository events,
      WorkflowClient temporal) {
    this.catalog = catalog;
    this.runs = runs;
    this.temporal = temporal;
    this.events = events;
  }

  /** What became of a lost run. */
  public enum Outcome {
    RESUMED,
    /** A child of a live bulk run: the bulk run's own resume starts it again as its child. */
    LEFT_TO_PARENT,
    FAILED
  }

  /** Resumes one run whose workflow Temporal does not know. */
  public Outcome resume(Run run) {
    Matcher child = CHILD.matcher(run.id());
    if (child.matches() && runs.find(child.group(1)).map(p -> !p.status().ended()).orElse(false)) {
      return Outcome.LEFT_TO_PARENT;
    }
    var entry = catalog.find(run.operation());
    if (entry.isEmpty()) {
      return fail(run, "this version of Longhaul has no operation " + run.operation());
    }
    Object input;
    try {
      JsonNode params = RunService.JSON.readTree(run.params());
      var problems = ParamsValidator.validate(entry.get(), params);
      if (!problems.isEmpty()) {
        return fail(run, "its input is no longer valid: " + problems.getFirst().message());
      }
      input = RunService.toInput(entry.get(), params);
    } catch (Exception e) {
      return fail(run, "its input cannot be read: " + e.getMessage());
    }
    recordResumed(run);
    try {
      RunService.newStub(temporal, entry.get().definition(), run.id()).start(input);
    } catch (WorkflowExecutionAlreadyStarted e) {
      // Another api process (or the run's own start) got there first: it is live.
    }
    log.info("run {} ({}) resumed after its workflow was lost", run.id(), run.operation());
    return Outcome.RESUMED;
  }

  private void recordResumed(Run run) {
    OffsetDateTime now = OffsetDateTime.now();
    OffsetDateTime lastSeen =
        events.last(run.id()).map(RunEvent::occurredAt).orElse(run.updatedAt());
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("lastEventAt", lastSeen == null ? null : lastSeen.toInstant().toString());
    detail.put("gapSeconds", lastSeen == null ? null : Duration.between(lastSeen, now).toSeconds());
    detail.put("statusBefore", run.status().value());
    events.append(
        new RunEvent(
            run.id(),
            events.nextSeq(run.id()),
            "run",
            null,
            StepEventKind.RESUMED.value(),
            1,
            null,
            null,
            RunControlService.json(detail),
            now));
  }

  private Outcome fail(Run run, String why) {
    log.warn("run {} cannot be resumed: {}", run.id(), why);
    runs.markEnded(
        run.id(),
        RunStatus.FAILED,
        "ResumeFailed",
        "its workflow was lost and it cannot be resumed: " + why);
    return Outcome.FAILED;
  }
}
