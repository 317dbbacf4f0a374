package io.longhaul.activities.run;

import io.longhaul.contracts.run.RunOutcome;
import io.longhaul.contracts.run.RunRecorderActivities;
import io.longhaul.contracts.run.StepEvent;
import io.longhaul.contracts.vocabulary.RunStatus;
import io.longhaul.contracts.vocabulary.StepEventKind;
import io.longhaul.db.run.RunEvent;
import io.longhaul.db.run.RunEventRepository;
import io.longhaul.db.run.RunRepository;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/**
 * Idempotent: events are keyed by (run, seq), and only the first ending of a run sticks. The run
 * and step metrics count only what changed the record, so a retried report is not counted twice.
 */
@Component
public class RunRecorderActivitiesImpl implements RunRecorderActivities {
  private final RunRepository runs;
  private final RunEventRepository events;
  private final RunMeters meters;
  private final Timer eventWrites;
  private final Timer outcomeWrites;

  public RunRecorderActivitiesImpl(
      RunRepository runs, RunEventRepository events, RunMeters meters) {
    this.runs = runs;
    this.events = events;
    this.meters = meters;
    this.eventWrites = meters.journalWrite("event");
    this.outcomeWrites = meters.journalWrite("outcome");
  }

  @Override
  public void recordEvent(StepEvent e) {
    boolean began =
        eventWrites.record(
            () -> {
              boolean moved = StepEventKind.STARTED.is(e.kind()) && runs.markRunning(e.runId());
              events.append(
                  new RunEvent(
                      e.runId(),
                      e.seq(),
                      e.step(),
                      e.target(),
                      e.kind(),
                      e.attempt(),
                      e.errorType(),
                      e.errorMessage(),
                      e.detailJson(),
                      OffsetDateTime.ofInstant(
                          Instant.ofEpochMilli(e.occurredAtMillis()), ZoneOffset.UTC)));
              return moved;
            });
    if (began) {
      meters.runStarted(e.runId());
    }
    meters.stepEvent(e);
  }

  @Override
  public void recordOutcome(RunOutcome outcome) {
    RunStatus status = RunStatus.of(outcome.status());
    boolean ended =
        outcomeWrites.record(
            () ->
                runs.markEnded(
                    outcome.runId(),
                    status,
                    outcome.errorType(),
                    outcome.errorMessage(),
                    outcome.resultJson()));
    if (ended) {
      runs.find(outcome.runId())
          .ifPresent(
              r ->
                  meters.runEnded(
                      r.id(), status, Duration.between(r.createdAt(), OffsetDateTime.now())));
    }
  }
}
