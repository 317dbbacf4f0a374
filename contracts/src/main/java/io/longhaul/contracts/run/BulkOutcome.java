package io.longhaul.contracts.run;

import java.util.List;

/**
 * How a bulk run's children ended: counts, and the failed ones (the first {@link #MAX_LISTED}) by
 * run id and label, with their typed error. Each child's own record holds the rest.
 */
public record BulkOutcome(int count, int succeeded, int failed, List<ChildFailure> failures) {
  public static final int MAX_LISTED = 100;

  public BulkOutcome {
    failures = failures == null ? List.of() : List.copyOf(failures);
  }

  public record ChildFailure(String runId, String label, String errorType, String error) {}
}
