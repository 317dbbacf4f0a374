package io.longhaul.api.schedule;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A schedule: run {@code operation} with fixed {@code params} on exactly one of an RRULE (with
 * {@code anchor}), a cron expression (both in {@code zone}) or each opening of window {@code
 * windowId}. Overlap: skip (default), buffer_one or allow_all; catch-up window in seconds.
 */
public record ScheduleRequest(
    // The database's check on the name, so a bad one is refused as "name", not as a constraint.
    @NotBlank @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$") String name,
    @NotBlank String operation,
    @NotNull Map<String, Object> params,
    @NotBlank @Size(max = 2000) String reason,
    String rrule,
    String cron,
    Long windowId,
    String zone,
    String anchor,
    String overlap,
    Integer catchupSeconds) {}
