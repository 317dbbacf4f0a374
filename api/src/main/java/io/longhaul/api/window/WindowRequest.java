package io.longhaul.api.window;

import io.longhaul.api.validation.OneLine;
import io.longhaul.api.validation.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A window: scopes ('site:sha', 'operation:hdfs-migration'...), exactly one of an RRULE (with its
 * {@code anchor}, a local date-time) or a cron expression, a wall-clock duration and a zone.
 */
public record WindowRequest(
    // The database's check on the name, so a bad one is refused as "name", not as a constraint.
    @NotBlank @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$") String name,
    @Text(max = 2000) String description,
    @NotEmpty @Size(max = 32) List<@NotBlank @Size(max = 100) String> scopes,
    @OneLine(max = 1000) String rrule,
    @OneLine(max = 200) String cron,
    @NotNull Integer durationMinutes,
    @NotBlank @Size(max = 64) String zone,
    @OneLine(max = 64) String anchor,
    @Size(max = 366) List<@NotBlank @Size(max = 40) String> exceptionDates) {}
