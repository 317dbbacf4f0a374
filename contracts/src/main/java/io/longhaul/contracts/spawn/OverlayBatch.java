package io.longhaul.contracts.spawn;

import java.util.List;

/** The requests one leaf's workflow gathered into one batch, keyed by {@code batchId}. */
public record OverlayBatch(String batchId, String switchName, List<OverlayRequest> requests) {
  public OverlayBatch {
    requests = List.copyOf(requests);
  }
}
