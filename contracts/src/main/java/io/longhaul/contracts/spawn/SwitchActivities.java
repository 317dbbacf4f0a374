package io.longhaul.contracts.spawn;

import io.temporal.activity.ActivityInterface;

/** Overlay changes and checks on a leaf; runs on the site queue, next to the devices. */
@ActivityInterface
public interface SwitchActivities {
  /** One configuration transaction for the whole push (apply, then remove). */
  PushResult pushOverlay(OverlayPush push);

  /**
   * The lines {@link #pushOverlay} would send for these bindings if the leaf stayed as it is now
   * (read-only; the push recomputes them against the configuration it finds).
   */
  LeafPlan planOverlay(OverlayPlanRequest request);

  /** Fails VerificationFailed unless every interface is up and carries the VLAN. */
  void verifyOverlay(VerifyRequest request);
}
