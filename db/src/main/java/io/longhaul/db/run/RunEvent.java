package io.longhaul.db.run;

import java.time.OffsetDateTime;

/** One entry of a run's step timeline. {@code seq} is assigned by the workflow. */
public record RunEvent(
    String runId,
    int seq,
    String step,
    String target,
    String kind,
    int attempt,
    String errorType,
    String errorMessage,
    String detail,
    OffsetDateTime occurredAt) {}
