package io.longhaul.contracts.control;

import java.util.List;
import java.util.Map;

/**
 * What a run learns at its start: its change id (a re-run shares its original's), the steps already
 * completed under it, by {@link #key} with their results as JSON, and everyone accountable for the
 * change (its requester, schedule owner and re-runners), whom separation of duties keeps from
 * approving it. {@code nextSeq} is the first free event number of the run (its timeline goes on
 * where it stopped when its workflow is started again); {@code parked} lists the decisions the run
 * waited for when its workflow was lost and resumed, so it waits for them again as they were. Each
 * of the last three is null in histories recorded before it existed.
 */
public record RunContext(
    String changeId,
    Map<String, String> completed,
    List<String> requesters,
    Integer nextSeq,
    List<PendingDecision> parked) {

  public RunContext(String changeId, Map<String, String> completed, List<String> requesters) {
    this(changeId, completed, requesters, null, null);
  }

  public static String key(String step, String target) {
    return step + "@" + (target == null ? "" : target);
  }
}
