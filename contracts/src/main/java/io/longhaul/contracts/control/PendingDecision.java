package io.longhaul.contracts.control;

/**
 * A step waiting for an operator: a failure after its retries, a failed compensation, or an
 * approval ({@code kind}, a {@link io.longhaul.contracts.vocabulary.DecisionKind}'s value). {@code
 * plan} tells an approver exactly what will be applied; {@code role} is the least role that may
 * approve; {@code expiresAtMillis} ends the wait (null: no deadline).
 */
public record PendingDecision(
    String kind,
    String step,
    String target,
    int attempt,
    String errorType,
    String errorMessage,
    boolean skippable,
    String plan,
    String role,
    long sinceMillis,
    Long expiresAtMillis) {}
