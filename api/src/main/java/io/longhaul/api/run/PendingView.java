package io.longhaul.api.run;

import java.time.Instant;

/** A decision a run waits for, as the API shows it, with how long it has waited. */
public record PendingView(
    String kind,
    String step,
    String target,
    int attempt,
    String errorType,
    String errorMessage,
    boolean skippable,
    String plan,
    String role,
    Instant since,
    Instant expiresAt,
    long waitingSeconds) {}
