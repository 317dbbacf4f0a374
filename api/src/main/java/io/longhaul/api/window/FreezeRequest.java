package io.longhaul.api.window;

import io.longhaul.api.validation.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/** A one-off blackout; no scopes means global, no start means now, no end until lifted. */
public record FreezeRequest(
    // The database's check on the name, so a bad one is refused as "name", not as a constraint.
    @NotBlank @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9.:_-]{0,80}$") String name,
    @Size(max = 32) List<@NotBlank @Size(max = 100) String> scopes,
    OffsetDateTime startsAt,
    OffsetDateTime endsAt,
    @NotBlank @Text(max = 2000) String reason) {}
