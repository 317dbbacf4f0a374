package io.longhaul.contracts.spawn;

import java.util.List;

/**
 * A requester's change to one leaf: {@link #APPLY} or {@link #REMOVE} its use of bindings. {@code
 * requestId} is the requester's idempotency key (change id + step + switch); {@code userKey} the
 * user the bindings are counted for (the instance name).
 */
public record OverlayRequest(
    String requestId,
    String site,
    String switchName,
    String action,
    String userKey,
    List<LeafBinding> bindings) {

  public static final String APPLY = "apply";
  public static final String REMOVE = "remove";

  public OverlayRequest {
    bindings = List.copyOf(bindings);
  }
}
