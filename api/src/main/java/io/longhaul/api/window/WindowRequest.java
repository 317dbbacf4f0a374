package io.longhaul.api.window;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * A window: scopes ('site:sha', 'operation:hdfs-migration'...), exactly one of an RRULE (with its
 * {@code anchor}, a local date-time) or a cron expression, a wall-clock duration and a zone.
 */
public record WindowRequest(
    @NotBlank String name,
    String description,
    @NotEmpty List<String> scopes,
    String rrule,
    String cron,
    @NotNull Integer durationMinutes,
    @NotBlank String zone,
    String anchor,
    List<String> exceptionDates) {}
