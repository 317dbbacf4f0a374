package io.longhaul.contracts.run;

/**
 * How a run ended, as its workflow reports it ({@code status}, an ended {@link
 * io.longhaul.contracts.vocabulary.RunStatus}'s value); {@code resultJson} is what a succeeded run
 * returned (null otherwise). Results are reports (counts, names, drift), never secrets.
 */
public record RunOutcome(
    String runId, String status, String errorType, String errorMessage, String resultJson) {

  public RunOutcome(String runId, String status, String errorType, String errorMessage) {
    this(runId, status, errorType, errorMessage, null);
  }
}
