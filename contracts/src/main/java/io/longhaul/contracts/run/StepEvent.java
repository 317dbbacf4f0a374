package io.longhaul.contracts.run;

/**
 * One timeline entry reported by a workflow; {@code kind} is a {@link
 * io.longhaul.contracts.vocabulary.StepEventKind}'s value. {@code seq} is the workflow's own
 * counter, so a retried report is recorded once. Messages are failure summaries, never secrets.
 */
public record StepEvent(
    String runId,
    int seq,
    String step,
    String target,
    String kind,
    int attempt,
    String errorType,
    String errorMessage,
    String detailJson,
    long occurredAtMillis) {}
