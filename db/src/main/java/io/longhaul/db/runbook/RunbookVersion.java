package io.longhaul.db.runbook;

import java.time.OffsetDateTime;

/** One saved version of a runbook: the YAML as written and the validated definition (JSON). */
public record RunbookVersion(
    String runbook,
    int version,
    String title,
    String source,
    String definition,
    String reason,
    String createdBy,
    OffsetDateTime createdAt) {}
