package io.longhaul.workflows.testkit;

import io.longhaul.contracts.control.OperatorControlled;
import io.longhaul.contracts.control.PendingDecision;

/** Waits, through the progress query, for a run to park on a decision. */
public final class Parked {
  private Parked() {}

  /** The first pending decision of {@code run}, within 10 s. */
  public static PendingDecision await(OperatorControlled run) {
    for (int i = 0; i < 200; i++) {
      var pending = run.progress().pending();
      if (!pending.isEmpty()) {
        return pending.getFirst();
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("the run never parked");
  }
}
