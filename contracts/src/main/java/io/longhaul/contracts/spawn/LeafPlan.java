package io.longhaul.contracts.spawn;

import java.util.List;

/**
 * The configuration lines the leaf's dialect would send for a request, computed against its running
 * configuration as read now. Empty: the leaf already carries everything.
 */
public record LeafPlan(String switchName, String dialect, List<String> commands) {
  public LeafPlan {
    commands = List.copyOf(commands);
  }
}
