package io.longhaul.workflows.common;

import java.time.Duration;
import java.util.Objects;

/**
 * A step that waits for approval: by whom (the least role), on what plan (exactly what will be
 * applied, shown to the approver), and for how long (null: until decided). The API refuses an
 * approval by the run's requester.
 */
public record Approval(String role, String plan, Duration expiresAfter) {

  public Approval {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(plan, "plan");
  }

  public static Approval byApprover(String plan, Duration expiresAfter) {
    return new Approval("approver", plan, expiresAfter);
  }
}
