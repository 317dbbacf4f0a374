package io.longhaul.contracts.control;

import java.util.List;
import java.util.Map;

/**
 * What a run learns at its start: its change id (a re-run shares its original's) and the steps
 * already completed under it, by {@link #key} with their results as JSON. {@code nextSeq} is the
 * first free event number of the run (its timeline goes on where it stopped when its workflow is
 * started again). {@code parked} lists the decisions the run waited for when its workflow was lost
 * and resumed, so it waits for them again as they were; empty otherwise. Both are null in histories
 * recorded before resuming existed.
 */
public record RunContext(
    String changeId, Map<String, String> completed, Integer nextSeq, List<PendingDecision> parked) {

  public RunContext(String changeId, Map<String, String> completed) {
    this(changeId, completed, null, null);
  }

  public static String key(String step, String target) {
    return step + "@" + (target == null ? "" : target);
  }
}
