package io.longhaul.contracts.discovery;

import io.temporal.activity.ActivityInterface;

/** Reads from switches; runs on the site queue of the switch, next to the devices. */
@ActivityInterface
public interface SwitchActivities {
  LldpTable readLldp(LldpRequest request);
}
