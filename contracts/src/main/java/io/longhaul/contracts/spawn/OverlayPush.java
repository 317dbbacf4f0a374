package io.longhaul.contracts.spawn;

import java.util.List;

/**
 * What a batch changes on the switch after reference counting: bindings to ensure, and bindings
 * whose last user went. {@code changeId} keys the configuration transaction.
 */
public record OverlayPush(
    String changeId, String switchName, List<LeafBinding> apply, List<LeafBinding> remove) {
  public OverlayPush {
    apply = List.copyOf(apply);
    remove = List.copyOf(remove);
  }

  public boolean empty() {
    return apply.isEmpty() && remove.isEmpty();
  }
}
