package io.longhaul.activities.discovery;

import io.longhaul.activities.Failures;
import io.longhaul.contracts.discovery.LldpEntry;
import io.longhaul.contracts.discovery.LldpRequest;
import io.longhaul.contracts.discovery.LldpTable;
import io.longhaul.contracts.discovery.SwitchActivities;
import io.longhaul.db.credential.Credential;
import io.longhaul.db.credential.CredentialRepository;
import io.longhaul.db.inventory.NetworkSwitch;
import io.longhaul.db.inventory.SwitchRepository;
import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.Dialect;
import io.longhaul.drivers.Drivers;
import io.longhaul.drivers.SnmpCredentials;
import io.longhaul.drivers.SwitchTarget;
import io.longhaul.drivers.dialect.mib.SnmpSwitch;
import org.springframework.stereotype.Component;

/**
 * Reads a switch's LLDP table over SNMP with the credential the inventory names. The SNMP driver is
 * used directly: {@code Drivers.switchDriver} wants an SSH login too, and a read should not open a
 * secret it does not use.
 */
@Component
public class SwitchActivitiesImpl implements SwitchActivities {
  private final SwitchRepository switches;
  private final CredentialRepository credentials;
  private final Drivers drivers;

  public SwitchActivitiesImpl(
      SwitchRepository switches, CredentialRepository credentials, Drivers drivers) {
    this.switches = switches;
    this.credentials = credentials;
    this.drivers = drivers;
  }

  @Override
  public LldpTable readLldp(LldpRequest request) {
    NetworkSwitch sw =
        switches
            .findByName(request.switchName())
            .orElseThrow(
                () -> Failures.notFound("switch " + request.switchName() + " is not in inventory"));
    SnmpSwitch mib = new SnmpSwitch(target(sw), snmpCredentials(sw), drivers.snmp());
    try {
      return new LldpTable(
          sw.name(),
          mib.neighbors().stream()
              .map(n -> new LldpEntry(n.localInterface(), n.remoteSystem(), n.remotePort()))
              .toList());
    } catch (DeviceException e) {
      throw Failures.toTemporal(e);
    }
  }

  static SwitchTarget target(NetworkSwitch sw) {
    // PostgreSQL prints a host address without its /32; strip a mask should one be stored.
    String host = sw.mgmtAddress().replaceFirst("/\\d+$", "");
    return new SwitchTarget(
        sw.name(), Dialect.parse(sw.dialect()), host, sw.sshPort(), sw.snmpPort());
  }

  private SnmpCredentials snmpCredentials(NetworkSwitch sw) {
    if (sw.snmpCredentialId() == null) {
      throw Failures.invalid("switch " + sw.name() + " has no SNMP credential");
    }
    Credential c = credentials.get(sw.snmpCredentialId());
    String secret = credentials.reveal(c.id());
    return switch (c.kind()) {
      case "snmp-v2c" -> new SnmpCredentials.V2c(secret);
      case "snmp-v3" -> v3(sw, c, secret);
      default ->
          throw Failures.invalid(
              "switch " + sw.name() + ": credential " + c.name() + " is not an SNMP credential");
    };
  }

  /** An SNMPv3 secret holds the auth and the priv password, one per line. */
  private static SnmpCredentials v3(NetworkSwitch sw, Credential c, String secret) {
    String[] parts = secret.split("\n", 2);
    if (parts.length != 2 || c.username() == null) {
      throw Failures.invalid(
          "switch " + sw.name() + ": credential " + c.name() + " needs a user and two passwords");
    }
    try {
      return new SnmpCredentials.V3(c.username(), parts[0], parts[1]);
    } catch (IllegalArgumentException e) {
      throw Failures.invalid("switch " + sw.name() + ": credential " + c.name() + " is too weak");
    }
  }
}
