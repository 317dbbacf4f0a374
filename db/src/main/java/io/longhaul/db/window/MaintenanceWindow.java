package io.longhaul.db.window;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

/** A stored window; scopes are 'kind:value' strings. */
public record MaintenanceWindow(
    long id,
    String name,
    String description,
    List<String> scopes,
    String rrule,
    String cron,
    int durationMinutes,
    String zone,
    LocalDateTime anchor,
    List<LocalDate> exceptionDates,
    String createdBy,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  /** What creating or replacing a window writes. */
  public record Draft(
      String name,
      String description,
      List<String> scopes,
      String rrule,
      String cron,
      int durationMinutes,
      String zone,
      LocalDateTime anchor,
      List<LocalDate> exceptionDates) {}
}
