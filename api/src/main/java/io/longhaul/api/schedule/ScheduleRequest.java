package io.longhaul.api.schedule;

import io.longhaul.api.validation.OneLine;
import io.longhaul.api.validation.Text;
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
    @NotBlank @Size(max = 100) String operation,
    @NotNull Map<String, Object> params,
    @NotBlank @Text(max = 2000) String reason,
    @OneLine(max = 1000) String rrule,
    @OneLine(max = 200) String cron,
    Long windowId,
    @Size(max = 64) String zone,
    @OneLine(max = 64) String anchor,
    @Size(max = 20) String overlap,
    Integer catchupSeconds) {}
