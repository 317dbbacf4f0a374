package io.longhaul.db.run;

import io.longhaul.contracts.vocabulary.RunStatus;
import java.time.OffsetDateTime;

/**
 * A run record; {@code params} is the operation's input as JSON text. {@code changeId} keys the
 * step ledger: a re-run shares its original's. {@code pending} (a JSON array) and {@code progress}
 * are mirrored from the workflow. {@code requestedBy} is who is accountable for the run: the
 * schedule's owner when {@code viaSchedule} started it, the original requester of a re-run ({@code
 * rerunBy} re-ran it).
 */
public record Run(
    String id,
    String operation,
    String params,
    String siteCode,
    String requestedBy,
    String reason,
    String idempotencyKey,
    RunStatus status,
    String rerunOf,
    String errorType,
    String errorMessage,
    OffsetDateTime createdAt,
    OffsetDateTime startedAt,
    OffsetDateTime endedAt,
    OffsetDateTime updatedAt,
    String changeId,
    String pending,
    String progress,
    String result,
    String viaSchedule,
    String rerunBy) {

  /** What starting a run records before its workflow starts; a null change id means the id. */
  public record NewRun(
      String id,
      String operation,
      String params,
      String siteCode,
      String requestedBy,
      String reason,
      String idempotencyKey,
      String rerunOf,
      String changeId,
      String viaSchedule,
      String rerunBy) {

    public NewRun(
        String id,
        String operation,
        String params,
        String siteCode,
        String requestedBy,
        String reason,
        String idempotencyKey,
        String rerunOf) {
      this(
          id,
          operation,
          params,
          siteCode,
          requestedBy,
          reason,
          idempotencyKey,
          rerunOf,
          null,
          null,
          null);
    }
  }
}
