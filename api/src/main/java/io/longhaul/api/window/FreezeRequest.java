package io.longhaul.api.window;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/** A one-off blackout; no scopes means global, no start means now, no end until lifted. */
public record FreezeRequest(
    @NotBlank String name,
    List<String> scopes,
    OffsetDateTime startsAt,
    OffsetDateTime endsAt,
    @NotBlank @Size(max = 2000) String reason) {}
