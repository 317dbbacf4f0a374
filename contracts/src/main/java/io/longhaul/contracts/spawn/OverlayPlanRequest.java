package io.longhaul.contracts.spawn;

import java.util.List;

/** The bindings a spawn is about to ask one leaf for, to be shown before they are applied. */
public record OverlayPlanRequest(String switchName, List<LeafBinding> bindings) {
  public OverlayPlanRequest {
    bindings = List.copyOf(bindings);
  }
}
