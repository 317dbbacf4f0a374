package io.longhaul.db.run;

import java.time.OffsetDateTime;

/** A run record; {@code params} is the operation's input as JSON text. */
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
    OffsetDateTime updatedAt) {

  /** What starting a run records before its workflow starts. */
  public record NewRun(
      String id,
      String operation,
      String params,
      String siteCode,
      String requestedBy,
      String reason,
      String idempotencyKey,
      String rerunOf) {}
}
