package io.longhaul.contracts.spawn;

import io.temporal.activity.ActivityInterface;

/**
 * The overlay's bookkeeping; runs on the workflow queue. {@link #submit} hands a requester's change
 * to the leaf's {@link LeafConfigWorkflow} (update-with-start) and waits for its answer; {@link
 * #count} updates the reference counts of a batch and says what the switch must change.
 */
@ActivityInterface
public interface OverlayActivities {
  OverlayResult submit(OverlayRequest request);

  OverlayPush count(OverlayBatch batch);
}
