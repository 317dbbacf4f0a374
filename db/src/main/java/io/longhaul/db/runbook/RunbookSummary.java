package io.longhaul.db.runbook;

import java.time.OffsetDateTime;

/** A runbook with its latest version's title, who saved it and when. */
public record RunbookSummary(
    String name,
    String title,
    int latestVersion,
    String updatedBy,
    OffsetDateTime updatedAt,
    boolean archived) {}
