package io.longhaul.api.run;

import io.longhaul.db.run.Run;
import io.longhaul.db.run.RunEvent;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A run as the API shows it; {@code steps} is filled on the detail view only. */
public record RunView(
    String id,
    String operation,
    Map<String, Object> params,
    String siteCode,
    String requestedBy,
    String reason,
    String status,
    String rerunOf,
    String errorType,
    String errorMessage,
    OffsetDateTime createdAt,
    OffsetDateTime startedAt,
    OffsetDateTime endedAt,
    List<StepView> steps) {

  public record StepView(
      int seq,
      String step,
      String target,
      String kind,
      int attempt,
      String errorType,
      String errorMessage,
      OffsetDateTime at) {
    static StepView of(RunEvent e) {
      return new StepView(
          e.seq(),
          e.step(),
          e.target(),
          e.kind(),
          e.attempt(),
          e.errorType(),
          e.errorMessage(),
          e.occurredAt());
    }
  }

  static RunView of(Run r, Map<String, Object> params, List<RunEvent> events) {
    return new RunView(
        r.id(),
        r.operation(),
        params,
        r.siteCode(),
        r.requestedBy(),
        r.reason(),
        r.status().value(),
        r.rerunOf(),
        r.errorType(),
        r.errorMessage(),
        r.createdAt(),
        r.startedAt(),
        r.endedAt(),
        events == null ? null : events.stream().map(StepView::of).toList());
  }
}
