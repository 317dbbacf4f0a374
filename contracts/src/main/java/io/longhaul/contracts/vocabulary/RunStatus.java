package io.longhaul.contracts.vocabulary;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** A run's lifecycle as the portal shows it; the database's check constraint lists the same. */
public enum RunStatus implements Term {
  PENDING("pending"),
  RUNNING("running"),
  /** A step failed after its retries and waits for an operator: retry, skip or abort. */
  NEEDS_ATTENTION("needs_attention"),
  AWAITING_APPROVAL("awaiting_approval"),
  /** Queued for a lease another run holds, or for a maintenance window to open. */
  WAITING("waiting"),
  SUCCEEDED("succeeded"),
  FAILED("failed"),
  CANCELLED("cancelled"),
  TERMINATED("terminated"),
  TIMED_OUT("timed_out"),
  /** An operator aborted it; its compensations ran. */
  ABORTED("aborted");

  /** Statuses of a run whose workflow is still open. */
  public static final Set<RunStatus> LIVE =
      Set.of(PENDING, RUNNING, NEEDS_ATTENTION, AWAITING_APPROVAL, WAITING);

  private final String value;

  RunStatus(String value) {
    this.value = value;
  }

  @Override
  public String value() {
    return value;
  }

  public boolean ended() {
    return !LIVE.contains(this);
  }

  /** Ended otherwise than by success: what a re-run may pick up. */
  public boolean rerunnable() {
    return ended() && this != SUCCEEDED;
  }

  public static RunStatus of(String value) {
    return Term.parse(RunStatus.class, value);
  }

  /** The spelled values of the live statuses, for queries. */
  public static List<String> liveValues() {
    return Arrays.stream(values()).filter(s -> !s.ended()).map(RunStatus::value).toList();
  }
}
