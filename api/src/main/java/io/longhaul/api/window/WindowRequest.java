package io.longhaul.api.window;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * A window: scopes ('site:sha', 'operation:hdfs-migration'...), exactly one of an RRULE (with its
 * {@code anchor}, a local date-time) or a cron expression, a wall-clock duration and a zone.
 */
public record WindowRequest(
    // The database's check on the name, so a bad one is refused as "name", not as a constraint.
    @NotBlank @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$") String name,
    String description,
    @NotEmpty List<String> scopes,
    String rrule,
    String cron,
    @NotNull Integer durationMinutes,
    @NotBlank String zone,
    String anchor,
    List<String> exceptionDates) {}
