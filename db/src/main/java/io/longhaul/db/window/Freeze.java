package io.longhaul.db.window;

import java.time.OffsetDateTime;
import java.util.List;

/** A stored freeze; no scopes means global, a null end means until lifted. */
public record Freeze(
    long id,
    String name,
    List<String> scopes,
    OffsetDateTime startsAt,
    OffsetDateTime endsAt,
    String reason,
    String createdBy,
    OffsetDateTime createdAt,
    String liftedBy) {}
