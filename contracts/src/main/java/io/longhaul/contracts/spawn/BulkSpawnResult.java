package io.longhaul.contracts.spawn;

import java.util.List;

/** How a bulk spawn ended: counts, and the names of the instances that failed (first 100). */
public record BulkSpawnResult(int requested, int succeeded, List<String> failed) {
  public BulkSpawnResult {
    failed = List.copyOf(failed);
  }
}
