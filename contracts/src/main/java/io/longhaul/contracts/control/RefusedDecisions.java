package io.longhaul.contracts.control;

/**
 * Told by the workflow side when it refuses a decision the API did not sign (a client that reached
 * Temporal directly), so the refusal is audited although nothing reaches the run's history.
 * Implementations must return at once: they are called on a workflow thread.
 */
@FunctionalInterface
public interface RefusedDecisions {
  void refused(String runId, Decision decision, String why);
}
