package io.longhaul.activities.discovery;

import io.longhaul.activities.DeviceAccess;
import io.longhaul.activities.Failures;
import io.longhaul.contracts.discovery.LldpEntry;
import io.longhaul.contracts.discovery.LldpRequest;
import io.longhaul.contracts.discovery.LldpTable;
import io.longhaul.contracts.discovery.SwitchActivities;
import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.dialect.mib.SnmpSwitch;
import org.springframework.stereotype.Component;

/**
 * Reads a switch's LLDP table over SNMP with the credential the inventory names, through {@link
 * DeviceAccess#snmpSwitch}: the SNMP reads alone (no SSH secret is opened for a read), and the
 * community only if the switch lies in the credential's scope and its site's management networks.
 */
@Component
public class SwitchActivitiesImpl implements SwitchActivities {
  private final DeviceAccess devices;

  public SwitchActivitiesImpl(DeviceAccess devices) {
    this.devices = devices;
  }

  @Override
  public LldpTable readLldp(LldpRequest request) {
    SnmpSwitch mib = devices.snmpSwitch(request.switchName());
    try {
      return new LldpTable(
          request.switchName(),
          mib.neighbors().stream()
              .map(n -> new LldpEntry(n.localInterface(), n.remoteSystem(), n.remotePort()))
              .toList());
    } catch (DeviceException e) {
      throw Failures.toTemporal(e);
    }
  }
}
