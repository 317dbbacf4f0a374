package io.longhaul.api.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.longhaul.contracts.control.Progress;
import io.longhaul.db.run.RunEvent;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Folds a run's events into one entry per (step, target), in the order steps first appeared. */
final class Timeline {
  private Timeline() {}

  /** A step's story: its last state, attempts, errors and how long it took. */
  public record Entry(
      String step,
      String target,
      String state,
      int attempts,
      List<String> errors,
      OffsetDateTime startedAt,
      OffsetDateTime endedAt,
      Long durationMillis) {}

  static List<Entry> of(List<RunEvent> events) {
    Map<String, List<RunEvent>> byStep = new LinkedHashMap<>();
    for (RunEvent e : events) {
      if (e.step().equals("lease") || e.kind().startsWith("compensat")) {
        continue;
      }
      byStep.computeIfAbsent(e.step() + "@" + e.target(), k -> new ArrayList<>()).add(e);
    }
    List<Entry> out = new ArrayList<>();
    for (List<RunEvent> es : byStep.values()) {
      RunEvent first = es.getFirst();
      RunEvent last = es.getLast();
      int attempts = es.stream().mapToInt(RunEvent::attempt).max().orElse(1);
      List<String> errors =
          es.stream()
              .filter(e -> e.errorType() != null)
              .map(e -> e.errorType() + ": " + e.errorMessage())
              .toList();
      OffsetDateTime start =
          es.stream()
              .filter(e -> e.kind().equals("started"))
              .map(RunEvent::occurredAt)
              .findFirst()
              .orElse(first.occurredAt());
      boolean finished =
          List.of("succeeded", "skipped", "reused", "rejected", "expired", "resumed")
              .contains(last.kind());
      out.add(
          new Entry(
              first.step(),
              first.target(),
              last.kind(),
              attempts,
              errors,
              start,
              finished ? last.occurredAt() : null,
              finished ? Duration.between(start, last.occurredAt()).toMillis() : null));
    }
    return out;
  }

  /** A stored JSON object as plain maps and lists, which any JSON writer renders as it was. */
  static Map<String, Object> map(String json) {
    try {
      Object value = RunService.JSON.readValue(json, Object.class);
      return value instanceof Map<?, ?> m ? castMap(m) : Map.of("value", value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is not readable", e);
    }
  }

  static Progress progress(String json) {
    try {
      return RunService.JSON.readValue(json, Progress.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored progress is not readable", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }
}
