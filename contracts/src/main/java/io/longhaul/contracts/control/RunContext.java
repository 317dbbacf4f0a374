package io.longhaul.contracts.control;

import java.util.List;
import java.util.Map;

/**
 * What a run learns at its start: its change id (a re-run shares its original's), the steps already
 * completed under it, by {@link #key} with their results as JSON, and everyone accountable for the
 * change (its requester, schedule owner and re-runners), whom separation of duties keeps from
 * approving it. {@code requesters} is null in histories recorded before it existed.
 */
public record RunContext(String changeId, Map<String, String> completed, List<String> requesters) {

  public static String key(String step, String target) {
    return step + "@" + (target == null ? "" : target);
  }
}
