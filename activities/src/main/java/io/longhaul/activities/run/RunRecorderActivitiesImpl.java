package io.longhaul.activities.run;

import io.longhaul.contracts.run.RunOutcome;
import io.longhaul.contracts.run.RunRecorderActivities;
import io.longhaul.contracts.run.StepEvent;
import io.longhaul.contracts.vocabulary.RunStatus;
import io.longhaul.contracts.vocabulary.StepEventKind;
import io.longhaul.db.run.RunEvent;
import io.longhaul.db.run.RunEventRepository;
import io.longhaul.db.run.RunRepository;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/** Idempotent: events are keyed by (run, seq), and only the first ending of a run sticks. */
@Component
public class RunRecorderActivitiesImpl implements RunRecorderActivities {
  private final RunRepository runs;
  private final RunEventRepository events;

  public RunRecorderActivitiesImpl(RunRepository runs, RunEventRepository events) {
    this.runs = runs;
    this.events = events;
  }

  @Override
  public void recordEvent(StepEvent e) {
    if (StepEventKind.STARTED.is(e.kind())) {
      runs.markRunning(e.runId());
    }
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
            OffsetDateTime.ofInstant(Instant.ofEpochMilli(e.occurredAtMillis()), ZoneOffset.UTC)));
  }

  @Override
  public void recordOutcome(RunOutcome outcome) {
    runs.markEnded(
        outcome.runId(),
        RunStatus.of(outcome.status()),
        outcome.errorType(),
        outcome.errorMessage(),
        outcome.resultJson());
  }
}
