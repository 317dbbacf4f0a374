package io.longhaul.activities.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longhaul.activities.run.RunMeters;
import io.longhaul.contracts.control.PendingDecision;
import io.longhaul.contracts.control.Progress;
import io.longhaul.contracts.control.RunContext;
import io.longhaul.contracts.control.RunControlActivities;
import io.longhaul.contracts.control.RunMirror;
import io.longhaul.contracts.control.StepCompletion;
import io.longhaul.contracts.control.StepWithdrawal;
import io.longhaul.contracts.run.StepEvent;
import io.longhaul.contracts.vocabulary.RunStatus;
import io.longhaul.contracts.vocabulary.StepEventKind;
import io.longhaul.db.control.StepLedgerRepository;
import io.longhaul.db.run.Run;
import io.longhaul.db.run.RunEvent;
import io.longhaul.db.run.RunEventRepository;
import io.longhaul.db.run.RunRepository;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Every write here is idempotent (events keyed by (run, seq), ledger entries by their key, mirrors
 * overwrite), so a local activity retried after a worker crash lands once.
 */
@Component
public class RunControlActivitiesImpl implements RunControlActivities {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RunRepository runs;
  private final RunEventRepository events;
  private final StepLedgerRepository ledger;
  private final RunMeters meters;

  public RunControlActivitiesImpl(
      RunRepository runs,
      RunEventRepository events,
      StepLedgerRepository ledger,
      RunMeters meters) {
    this.runs = runs;
    this.events = events;
    this.ledger = ledger;
    this.meters = meters;
  }

  @Override
  public RunContext begin(String runId) {
    Run run = runs.get(runId);
    Map<String, String> completed = new LinkedHashMap<>();
    ledger
        .completed(run.changeId())
        .forEach((k, json) -> completed.put(RunContext.key(k.step(), k.target()), json));
    int nextSeq = events.nextSeq(runId);
    // Only a run whose workflow has just been started again waits for what it waited for before.
    boolean resumed = events.last(runId).map(e -> StepEventKind.RESUMED.is(e.kind())).orElse(false);
    List<PendingDecision> parked = resumed ? parked(run.pending()) : List.of();
    return new RunContext(
        run.changeId(), completed, runs.requestersOfChange(run.changeId()), nextSeq, parked);
  }

  private static List<PendingDecision> parked(String pendingJson) {
    try {
      return pendingJson == null
          ? List.of()
          : JSON.readValue(pendingJson, new TypeReference<List<PendingDecision>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the run's pending decisions are not readable", e);
    }
  }

  @Override
  public void completeStep(StepCompletion c) {
    StepEvent e = c.event();
    boolean began = false;
    if (c.started() != null) {
      began = runs.markRunning(e.runId());
      events.append(toRow(c.started()));
    }
    events.append(toRow(e));
    ledger.complete(c.changeId(), e.step(), e.target(), e.runId(), c.resultJson());
    if (c.progress() != null) {
      runs.progress(e.runId(), json(c.progress()));
    }
    if (began) {
      meters.runStarted(e.runId());
    }
    if (c.started() != null) {
      meters.stepEvent(c.started());
    }
    meters.stepEvent(e);
  }

  @Override
  public void withdrawStep(StepWithdrawal w) {
    StepEvent e = w.compensated();
    ledger.withdraw(w.changeId(), e.step(), e.target());
    events.append(toRow(e));
  }

  @Override
  public void mirror(RunMirror m) {
    Progress p = m.progress();
    runs.mirror(
        m.runId(),
        RunStatus.of(m.status()),
        json(p == null ? java.util.List.of() : p.pending()),
        p == null ? null : json(p));
  }

  static RunEvent toRow(StepEvent e) {
    return new RunEvent(
        e.runId(),
        e.seq(),
        e.step(),
        e.target(),
        e.kind(),
        e.attempt(),
        e.errorType(),
        e.errorMessage(),
        e.detailJson(),
        OffsetDateTime.ofInstant(Instant.ofEpochMilli(e.occurredAtMillis()), ZoneOffset.UTC));
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not serialisable as JSON", e);
    }
  }
}
