package io.longhaul.contracts.run;

/** How a run ended, as its workflow reports it: succeeded, failed or cancelled. */
public record RunOutcome(String runId, String status, String errorType, String errorMessage) {}
