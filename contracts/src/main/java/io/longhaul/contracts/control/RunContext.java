package io.longhaul.contracts.control;

import java.util.Map;

/**
 * What a run learns at its start: its change id (a re-run shares its original's) and the steps
 * already completed under it, by {@link #key} with their results as JSON.
 */
public record RunContext(String changeId, Map<String, String> completed) {

  public static String key(String step, String target) {
    return step + "@" + (target == null ? "" : target);
  }
}
