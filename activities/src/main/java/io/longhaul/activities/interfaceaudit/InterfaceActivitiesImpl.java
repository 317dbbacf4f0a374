package io.longhaul.activities.interfaceaudit;

import io.longhaul.activities.DeviceAccess;
import io.longhaul.activities.Failures;
import io.longhaul.contracts.interfaceaudit.InterfaceActivities;
import io.longhaul.db.inventory.NetworkSwitch;
import io.longhaul.db.inventory.SiteRepository;
import io.longhaul.db.inventory.SwitchRepository;
import io.longhaul.drivers.DeviceException;
import org.springframework.stereotype.Component;

/**
 * The interface audit's reads: the site's switches from the inventory, and a switch's interfaces
 * through the driver {@link DeviceAccess} opens with the inventory's credentials.
 */
@Component
public class InterfaceActivitiesImpl implements InterfaceActivities {
  private final SiteRepository sites;
  private final SwitchRepository switches;
  private final DeviceAccess devices;

  public InterfaceActivitiesImpl(
      SiteRepository sites, SwitchRepository switches, DeviceAccess devices) {
    this.sites = sites;
    this.switches = switches;
    this.devices = devices;
  }

  @Override
  public SiteSwitches switchesAt(String site) {
    long id = sites.findByCode(site).orElseThrow(() -> Failures.notFound("no site " + site)).id();
    return new SiteSwitches(
        site, switches.listBySite(id).stream().map(NetworkSwitch::name).toList());
  }

  @Override
  public SwitchPorts readInterfaces(String switchName) {
    try {
      return new SwitchPorts(
          switchName,
          devices.switchDriver(switchName).interfaces().interfaces().stream()
              .map(i -> new Port(i.name(), i.operUp(), i.description()))
              .toList());
    } catch (DeviceException e) {
      throw Failures.toTemporal(e);
    }
  }
}
