package io.longhaul.db.audit;

import java.time.OffsetDateTime;

/** One audit log entry; {@code detail} is JSON text. */
public record AuditEntry(
    long id,
    OffsetDateTime at,
    String actor,
    String action,
    String target,
    String detail,
    String prevHash,
    String hash) {}
