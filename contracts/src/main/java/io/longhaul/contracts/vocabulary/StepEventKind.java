package io.longhaul.contracts.vocabulary;

/**
 * What a step event says happened, as the journal reports it and {@code run_event.kind}'s check
 * constraint allows. {@link #endsStep()} marks the kinds after which a step is done (its timeline
 * entry has an end); {@link #compensation()} the kinds that belong to a step's undo, not to the
 * step.
 */
public enum StepEventKind implements Term {
  STARTED("started"),
  SUCCEEDED("succeeded", true),
  FAILED("failed"),
  RETRIED("retried"),
  SKIPPED("skipped", true),
  /** Completed under the same change id before: the ledger's result is used, nothing applied. */
  REUSED("reused", true),
  PARKED("parked"),
  DECIDED("decided"),
  COMPENSATING("compensating"),
  COMPENSATED("compensated"),
  COMPENSATION_FAILED("compensation_failed"),
  APPROVAL_REQUESTED("approval_requested"),
  APPROVED("approved"),
  REJECTED("rejected", true),
  EXPIRED("expired", true),
  LEASE_WAITING("lease_waiting"),
  LEASE_ACQUIRED("lease_acquired"),
  LEASE_RELEASED("lease_released"),
  /** Held by the window gate until a window of the step's scopes opens. */
  WAITING("waiting"),
  WINDOW_OPEN("window_open"),
  /** A long phase stopped at a window's close; it resumes at the next opening. */
  PAUSED("paused"),
  /** What a condition wait waited for holds (its start is a {@link #WAITING} event). */
  CONDITION_MET("condition_met"),
  /** The run's workflow was lost and started again from PostgreSQL (RunResumer). */
  RESUMED("resumed", true),
  /**
   * A long phase's bandwidth cap changed: set by an operator, or lowered under stress and restored.
   */
  THROTTLED("throttled");

  private final String value;
  private final boolean endsStep;

  StepEventKind(String value) {
    this(value, false);
  }

  StepEventKind(String value, boolean endsStep) {
    this.value = value;
    this.endsStep = endsStep;
  }

  @Override
  public String value() {
    return value;
  }

  public boolean endsStep() {
    return endsStep;
  }

  public boolean compensation() {
    return this == COMPENSATING || this == COMPENSATED || this == COMPENSATION_FAILED;
  }

  public static StepEventKind of(String value) {
    return Term.parse(StepEventKind.class, value);
  }
}
