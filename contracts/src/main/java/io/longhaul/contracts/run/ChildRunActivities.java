package io.longhaul.contracts.run;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/**
 * Run records for the child runs of a bulk run, written before the children start so their step
 * events have a run to land on; runs on the workflow queue. Idempotent: a child already recorded is
 * left as it is.
 */
@ActivityInterface
public interface ChildRunActivities {
  void register(ChildRuns request);

  /** Children of {@code parentRunId}, each with its own run id and input, of one operation. */
  record ChildRuns(String parentRunId, String operation, List<ChildRun> children) {
    public ChildRuns {
      children = List.copyOf(children);
    }
  }

  /** One child: its run id and its workflow input (any operation's input record). */
  record ChildRun(String runId, Object input) {}
}
