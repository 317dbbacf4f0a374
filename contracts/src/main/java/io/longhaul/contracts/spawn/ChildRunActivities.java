package io.longhaul.contracts.spawn;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/**
 * Run records for the child spawns of a bulk run, written before the children start so their step
 * events have a run to land on; runs on the workflow queue. Idempotent.
 */
@ActivityInterface
public interface ChildRunActivities {
  void register(ChildRuns request);

  /** Children of {@code parentRunId}, each with its own run id and input. */
  record ChildRuns(String parentRunId, String operation, List<ChildRun> children) {
    public ChildRuns {
      children = List.copyOf(children);
    }
  }

  record ChildRun(String runId, SpawnInput input) {}
}
