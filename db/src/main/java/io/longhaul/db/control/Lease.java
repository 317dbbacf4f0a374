package io.longhaul.db.control;

import java.time.OffsetDateTime;
import java.util.List;

/** A named target, the run holding it (null when free) and the runs queued for it, in order. */
public record Lease(
    String name, String holderRun, OffsetDateTime acquiredAt, List<Waiter> waiters) {

  public record Waiter(String runId, OffsetDateTime requestedAt) {}
}
