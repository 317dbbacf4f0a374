package io.longhaul.contracts.run;

/**
 * One timeline entry reported by a workflow. {@code seq} is the workflow's own counter, so a
 * retried report is recorded once. Messages are failure summaries, never secrets.
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
    long occurredAtMillis) {

  /**
   * The event Longhaul writes (not the workflow) when it starts a lost run's workflow again; the
   * journal of a run whose newest event it is waits again for what the run waited for.
   */
  public static final String RESUMED = "resumed";
}
