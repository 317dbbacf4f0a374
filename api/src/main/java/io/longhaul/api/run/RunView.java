package io.longhaul.api.run;

import io.longhaul.contracts.control.Progress;
import io.longhaul.db.run.Run;
import io.longhaul.db.run.RunEvent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A run as the API shows it. The detail view also fills {@code steps} (every event), {@code
 * timeline} (one entry per step and target: attempts, errors, duration), {@code compensations} and
 * {@code pending} (what it waits for, and for how long); lists leave them null. {@code requestedBy}
 * is accountable for the run: a schedule's owner ({@code viaSchedule} names the schedule), or the
 * original requester of a re-run ({@code rerunBy} re-ran it).
 */
public record RunView(
    String id,
    String operation,
    Map<String, Object> params,
    String siteCode,
    String requestedBy,
    String viaSchedule,
    String rerunBy,
    String reason,
    String status,
    String rerunOf,
    String changeId,
    String errorType,
    String errorMessage,
    OffsetDateTime createdAt,
    OffsetDateTime startedAt,
    OffsetDateTime endedAt,
    List<PendingView> pending,
    Progress progress,
    List<StepView> steps,
    List<Timeline.Entry> timeline,
    List<StepView> compensations,
    Object result) {

  public record StepView(
      int seq,
      String step,
      String target,
      String kind,
      int attempt,
      String errorType,
      String errorMessage,
      Map<String, Object> detail,
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
          e.detail() == null ? null : Timeline.map(e.detail()),
          e.occurredAt());
    }
  }

  static RunView of(Run r, Map<String, Object> params, List<RunEvent> events) {
    boolean detail = events != null;
    return new RunView(
        r.id(),
        r.operation(),
        params,
        r.siteCode(),
        r.requestedBy(),
        r.viaSchedule(),
        r.rerunBy(),
        r.reason(),
        r.status().value(),
        r.rerunOf(),
        r.changeId(),
        r.errorType(),
        r.errorMessage(),
        r.createdAt(),
        r.startedAt(),
        r.endedAt(),
        PendingDecisions.views(r.pending(), Instant.now()),
        r.progress() == null ? null : Timeline.progress(r.progress()),
        detail ? events.stream().map(StepView::of).toList() : null,
        detail ? Timeline.of(events) : null,
        detail
            ? events.stream()
                .filter(e -> e.kind().startsWith("compensat"))
                .map(StepView::of)
                .toList()
            : null,
        detail ? RunService.parseValue(r.result()) : null);
  }
}
