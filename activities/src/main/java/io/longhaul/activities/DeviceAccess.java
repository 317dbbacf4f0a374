package io.longhaul.activities;

import io.longhaul.db.credential.Credential;
import io.longhaul.db.credential.CredentialRepository;
import io.longhaul.db.credential.SshKeySecret;
import io.longhaul.db.inventory.Cluster;
import io.longhaul.db.inventory.ClusterRepository;
import io.longhaul.db.inventory.Hypervisor;
import io.longhaul.db.inventory.HypervisorRepository;
import io.longhaul.db.inventory.NetworkSwitch;
import io.longhaul.db.inventory.SwitchRepository;
import io.longhaul.drivers.ClusterKind;
import io.longhaul.drivers.ClusterTarget;
import io.longhaul.drivers.Dialect;
import io.longhaul.drivers.Drivers;
import io.longhaul.drivers.HypervisorTarget;
import io.longhaul.drivers.SnmpCredentials;
import io.longhaul.drivers.SshLogin;
import io.longhaul.drivers.SwitchDriver;
import io.longhaul.drivers.SwitchTarget;
import io.longhaul.drivers.capability.ClusterApi;
import io.longhaul.drivers.transport.Heartbeat;
import io.longhaul.drivers.transport.http.HttpAuth;
import io.longhaul.drivers.transport.http.TrustMaterial;
import io.temporal.activity.Activity;
import java.net.URI;
import org.springframework.stereotype.Component;

/**
 * Opens drivers for devices named in the inventory, with the credentials the inventory references.
 * Secrets are revealed here, at the last moment, and never leave the activity.
 */
@Component
public class DeviceAccess {
  private final SwitchRepository switches;
  private final HypervisorRepository hypervisors;
  private final ClusterRepository clusters;
  private final CredentialRepository credentials;
  private final Drivers drivers;

  public DeviceAccess(
      SwitchRepository switches,
      HypervisorRepository hypervisors,
      ClusterRepository clusters,
      CredentialRepository credentials,
      Drivers drivers) {
    this.switches = switches;
    this.hypervisors = hypervisors;
    this.clusters = clusters;
    this.credentials = credentials;
    this.drivers = drivers;
  }

  public NetworkSwitch switchNamed(String name) {
    return switches
        .findByName(name)
        .orElseThrow(() -> Failures.notFound("switch " + name + " is not in inventory"));
  }

  public Hypervisor hypervisorNamed(String name) {
    return hypervisors
        .findByName(name)
        .orElseThrow(() -> Failures.notFound("hypervisor " + name + " is not in inventory"));
  }

  public Cluster clusterNamed(String name) {
    return clusters
        .findByName(name)
        .orElseThrow(() -> Failures.notFound("cluster " + name + " is not in inventory"));
  }

  /**
   * The cluster's API at its inventory URL, trusting only the certificates its entry holds (or the
   * worker's default trust store when it holds none), with the authorization its credential gives.
   */
  public ClusterApi cluster(String name) {
    return cluster(clusterNamed(name));
  }

  /** As {@link #cluster(String)}, for a cluster the caller has already looked up. */
  public ClusterApi cluster(Cluster c) {
    ClusterTarget target;
    try {
      target =
          new ClusterTarget(
              c.name(),
              ClusterKind.parse(c.kind()),
              URI.create(c.baseUrl()),
              c.trustPem() == null ? null : TrustMaterial.pem(c.trustPem()));
      return drivers.cluster(target, httpAuth(c), heartbeat());
    } catch (IllegalArgumentException e) {
      throw Failures.invalid("cluster " + c.name() + ": " + e.getMessage());
    }
  }

  /** The switch's CLI (configuration) and SNMP (reads) capabilities. */
  public SwitchDriver switchDriver(String name) {
    NetworkSwitch sw = switchNamed(name);
    var target =
        new SwitchTarget(
            sw.name(),
            Dialect.parse(sw.dialect()),
            host(sw.mgmtAddress()),
            sw.sshPort(),
            sw.snmpPort());
    SnmpCredentials snmp = sw.snmpCredentialId() == null ? null : snmp(sw);
    return drivers.switchDriver(target, login(sw.name(), sw.sshCredentialId()), snmp, heartbeat());
  }

  public io.longhaul.drivers.capability.Hypervisor hypervisor(String name) {
    Hypervisor h = hypervisorNamed(name);
    return drivers.hypervisor(
        new HypervisorTarget(h.name(), host(h.address()), h.sshPort()),
        login(h.name(), h.credentialId()),
        heartbeat());
  }

  private SshLogin login(String device, Long credentialId) {
    if (credentialId == null) {
      throw Failures.invalid(device + " has no SSH credential");
    }
    Credential c = credentials.get(credentialId);
    if (c.username() == null) {
      throw Failures.invalid(device + ": credential " + c.name() + " has no username");
    }
    return switch (c.kind()) {
      case "ssh-password" -> SshLogin.password(c.username(), credentials.reveal(c.id()));
      case "ssh-key" -> {
        SshKeySecret key;
        try {
          key = SshKeySecret.parse(credentials.reveal(c.id()));
        } catch (IllegalArgumentException e) {
          throw Failures.invalid(device + ": credential " + c.name() + ": " + e.getMessage());
        }
        yield SshLogin.key(c.username(), key.privateKey(), key.passphrase());
      }
      default -> throw Failures.invalid(device + ": credential " + c.name() + " is not for SSH");
    };
  }

  private HttpAuth httpAuth(Cluster cluster) {
    if (cluster.credentialId() == null) {
      return new HttpAuth.None();
    }
    Credential c = credentials.get(cluster.credentialId());
    return switch (c.kind()) {
      case "http-token" -> new HttpAuth.Bearer(credentials.reveal(c.id()));
      case "http-basic" -> {
        if (c.username() == null) {
          throw Failures.invalid(cluster.name() + ": credential " + c.name() + " has no username");
        }
        yield new HttpAuth.Basic(c.username(), credentials.reveal(c.id()));
      }
      default ->
          throw Failures.invalid(
              cluster.name()
                  + ": credential "
                  + c.name()
                  + " is not for HTTP (http-token, http-basic)");
    };
  }

  private SnmpCredentials snmp(NetworkSwitch sw) {
    Credential c = credentials.get(sw.snmpCredentialId());
    String secret = credentials.reveal(c.id());
    return switch (c.kind()) {
      case "snmp-v2c" -> new SnmpCredentials.V2c(secret);
      case "snmp-v3" -> {
        String[] parts = secret.split("\n", 2);
        if (parts.length != 2 || c.username() == null) {
          throw Failures.invalid(sw.name() + ": credential " + c.name() + " is incomplete");
        }
        yield new SnmpCredentials.V3(c.username(), parts[0], parts[1], sw.snmpContext());
      }
      default ->
          throw Failures.invalid(sw.name() + ": credential " + c.name() + " is not for SNMP");
    };
  }

  /** Heartbeats from long reads when running inside an activity; a no-op elsewhere (tests). */
  private static Heartbeat heartbeat() {
    try {
      var context = Activity.getExecutionContext();
      return progress -> context.heartbeat(progress);
    } catch (IllegalStateException e) {
      return Heartbeat.NONE;
    }
  }

  // PostgreSQL prints a host address without its /32; strip a mask should one be stored.
  private static String host(String address) {
    return address.replaceFirst("/\\d+$", "");
  }
}
