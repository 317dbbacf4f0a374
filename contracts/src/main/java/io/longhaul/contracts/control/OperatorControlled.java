package io.longhaul.contracts.control;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;

/**
 * The base of every operation's workflow interface. Temporal needs update, query and signal methods
 * on the workflow interface itself, so each operation's interface extends this one and its
 * implementation delegates to the run journal's control.
 */
public interface OperatorControlled {
  String DECIDE = "decide";
  String PROGRESS = "progress";
  String LEASE_AVAILABLE = "leaseAvailable";

  /**
   * The query name of an operation's own view of its run (cohorts, analyses...), for operations
   * that declare one; the API serves it as {@code GET /runs/{id}/view}.
   */
  String VIEW = "view";

  /** An operator's answer to a pending decision; returns what the workflow will do. */
  @UpdateMethod(name = DECIDE)
  String decide(Decision decision);

  /** Refuses a decision that matches nothing pending, or is not allowed there, before history. */
  @UpdateValidatorMethod(updateName = DECIDE)
  void validateDecide(Decision decision);

  @QueryMethod(name = PROGRESS)
  Progress progress();

  /** Sent by a run releasing a lease this run waits for; a bounded poll covers a lost signal. */
  @SignalMethod(name = LEASE_AVAILABLE)
  void leaseAvailable();
}
