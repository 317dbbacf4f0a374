package io.longhaul.contracts.interfaceaudit;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/**
 * The interface audit's activities: the site's switches from the inventory (workflow queue), and
 * one switch's interfaces from the switch itself (the site's queue).
 */
@ActivityInterface
public interface InterfaceActivities {
  SiteSwitches switchesAt(String site);

  SwitchPorts readInterfaces(String switchName);

  record SiteSwitches(String site, List<String> names) {}

  record Port(String name, boolean up, String description) {}

  record SwitchPorts(String switchName, List<Port> ports) {}
}
