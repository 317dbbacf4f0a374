package io.longhaul.db.schedule;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * A stored schedule: run {@code operation} with {@code params} (JSON) on a recurrence (rrule or
 * cron in {@code zone}) or at each opening of window {@code windowId}.
 */
public record Schedule(
    long id,
    String name,
    String operation,
    String params,
    String reason,
    String rrule,
    String cron,
    Long windowId,
    String zone,
    LocalDateTime anchor,
    String overlap,
    int catchupSeconds,
    boolean paused,
    String createdBy,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  /** What creating or replacing a schedule writes. */
  public record Draft(
      String name,
      String operation,
      String params,
      String reason,
      String rrule,
      String cron,
      Long windowId,
      String zone,
      LocalDateTime anchor,
      String overlap,
      int catchupSeconds) {}
}
