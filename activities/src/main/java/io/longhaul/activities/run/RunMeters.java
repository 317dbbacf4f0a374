package io.longhaul.activities.run;

import io.longhaul.contracts.run.StepEvent;
import io.longhaul.contracts.vocabulary.RunStatus;
import io.longhaul.contracts.vocabulary.StepEventKind;
import io.longhaul.db.run.Run;
import io.longhaul.db.run.RunRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The run and step metrics, fed by the journal's reports as the recorder writes them. Labels are
 * bounded by the code, never by the data: operation, step and outcome name code paths; run ids,
 * targets, instance and device names never become labels (ObservabilityEndToEndTest checks a real
 * scrape for them). The recorder and the in-task step path both feed it. {@code
 * longhaul.runs.started} is also counted by the API's RunService, which marks most runs running
 * right after their start: whichever moves the record from pending counts it, once.
 */
@Component
public class RunMeters {
  /** Step names are code's words; anything else (a target slipped into a name) is "other". */
  private static final Pattern STEP_NAME = Pattern.compile("[a-z][a-z0-9:-]{0,47}");

  // Runs seen recently, for their operation (a step event carries only the run id), and the start
  // of each step in flight. Bounded: a worker restart or an eviction only loses a duration sample.
  private static final int REMEMBERED = 4_096;

  private final MeterRegistry registry;
  private final RunRepository runs;
  private final Map<String, String> operations = lru();
  private final Map<String, Long> stepStarts = lru();

  public RunMeters(MeterRegistry registry, RunRepository runs) {
    this.registry = registry;
    this.runs = runs;
  }

  public void runStarted(String runId) {
    Counter.builder("longhaul.runs.started")
        .description("Runs that began (pending → running), by operation")
        .tag("operation", operation(runId))
        .register(registry)
        .increment();
  }

  public void runEnded(String runId, RunStatus status, Duration took) {
    String operation = operation(runId);
    Counter.builder("longhaul.runs.ended")
        .description("Runs that ended, by operation and outcome (their final status)")
        .tags("operation", operation, "outcome", status.value())
        .register(registry)
        .increment();
    Timer.builder("longhaul.run.duration")
        .description("From a run's request to its end")
        .tags("operation", operation, "outcome", status.value())
        .register(registry)
        .record(took);
    synchronized (operations) {
      operations.remove(runId);
    }
  }

  public void stepEvent(StepEvent e) {
    StepEventKind kind = StepEventKind.of(e.kind());
    String key = e.runId() + "\u0000" + e.step() + "\u0000" + e.target();
    switch (kind) {
      case STARTED -> {
        synchronized (stepStarts) {
          stepStarts.put(key, e.occurredAtMillis());
        }
      }
      case SUCCEEDED, FAILED -> {
        Long started;
        synchronized (stepStarts) {
          started = stepStarts.remove(key);
        }
        if (started != null) {
          Timer.builder("longhaul.step.duration")
              .description("One attempt of a step, from its start to success or failure")
              .tags("operation", operation(e.runId()), "step", step(e.step()))
              .tag("outcome", kind.value())
              .register(registry)
              .record(Duration.ofMillis(Math.max(0, e.occurredAtMillis() - started)));
        }
      }
      case PARKED, APPROVAL_REQUESTED, LEASE_WAITING, WAITING, PAUSED ->
          Counter.builder("longhaul.step.holds")
              .description(
                  "Steps held: parked for an operator, awaiting approval, waiting for a lease"
                      + " (lease_waiting), a window or a condition (waiting), paused at a close")
              .tags("operation", operation(e.runId()), "kind", kind.value())
              .register(registry)
              .increment();
      default -> {}
    }
  }

  /** Times one write of the journal (an event or an outcome) to PostgreSQL. */
  Timer journalWrite(String record) {
    return Timer.builder("longhaul.journal.write")
        .description("A journal report written to PostgreSQL (step event or run outcome)")
        .tag("record", record)
        .register(registry);
  }

  private String operation(String runId) {
    synchronized (operations) {
      String known = operations.get(runId);
      if (known != null) {
        return known;
      }
    }
    String op = runs.find(runId).map(Run::operation).orElse("unknown");
    synchronized (operations) {
      operations.put(runId, op);
    }
    return op;
  }

  static String step(String step) {
    return step != null && STEP_NAME.matcher(step).matches() ? step : "other";
  }

  private static <V> Map<String, V> lru() {
    return new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > REMEMBERED;
      }
    };
  }
}
