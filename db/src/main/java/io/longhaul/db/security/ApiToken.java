package io.longhaul.db.security;

import java.time.OffsetDateTime;

/** A bearer token's metadata; the token itself is shown once at creation and stored hashed. */
public record ApiToken(
    long id,
    long userId,
    String name,
    OffsetDateTime createdAt,
    OffsetDateTime expiresAt,
    OffsetDateTime lastUsedAt) {}
