package io.longhaul.activities;

import io.longhaul.db.credential.Credential;
import io.longhaul.db.credential.CredentialRepository;
import io.longhaul.db.credential.CredentialScopes;
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
import io.longhaul.drivers.capability.MeshKubernetes;
import io.longhaul.drivers.capability.MetricsQuery;
import io.longhaul.drivers.dialect.mib.SnmpSwitch;
import io.longhaul.drivers.transport.Heartbeat;
import io.longhaul.drivers.transport.http.HttpAuth;
import io.longhaul.drivers.transport.http.TrustMaterial;
import io.temporal.activity.Activity;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Opens drivers for devices named in the inventory, with the credentials the inventory references.
 * Secrets are revealed here, at the last moment, and never leave the activity; and only to a device
 * inside the credential's scope and its site's management networks ({@link CredentialScopes}),
 * whatever the inventory row says, so a binding written around the API sends nothing.
 */
@Component
public class DeviceAccess {
  private final SwitchRepository switches;
  private final HypervisorRepository hypervisors;
  private final ClusterRepository clusters;
  private final CredentialRepository credentials;
  private final CredentialScopes scopes;
  private final Drivers drivers;

  /** A Kubernetes call's longest wait; the activity's retries cover a slow API server. */
  private static final int KUBERNETES_TIMEOUT_MILLIS = 10_000;

  public DeviceAccess(
      SwitchRepository switches,
      HypervisorRepository hypervisors,
      ClusterRepository clusters,
      CredentialRepository credentials,
      CredentialScopes scopes,
      Drivers drivers) {
    this.switches = switches;
    this.hypervisors = hypervisors;
    this.clusters = clusters;
    this.credentials = credentials;
    this.scopes = scopes;
    this.drivers = drivers;
  }

  /** Where a secret would go: the device, its kind, site and address. */
  private record Destination(String device, String kind, long siteId, String address) {}

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

  /**
   * As {@link #cluster(String)}, for a cluster the caller has already looked up. The URL's host is
   * resolved once; with a credential, every address it resolves to must be in the credential's
   * scope and the site's management networks, and connections go to the first of those checked
   * addresses only, so a name that resolves elsewhere later still receives nothing.
   */
  public ClusterApi cluster(Cluster c) {
    Reach r = reach(c);
    return drivers.cluster(r.target(), r.auth(), heartbeat());
  }

  /** Clusters of a site, e.g. an IDC's Kubernetes clusters and its Prometheus. */
  public List<Cluster> clustersOfSite(long siteId) {
    return clusters.listBySite(siteId);
  }

  /**
   * A mesh's Kubernetes cluster (fabric8), with the same scope check, trust and credential as
   * {@link #cluster(Cluster)}; close it. fabric8 connects by the URL's host name (it does not take
   * the pinned address).
   */
  public MeshKubernetes meshKubernetes(Cluster c) {
    Reach r = reach(c);
    return drivers.meshKubernetes(r.target(), r.auth(), KUBERNETES_TIMEOUT_MILLIS);
  }

  /** A Prometheus's query API, reached as {@link #cluster(Cluster)} reaches a cluster. */
  public MetricsQuery metrics(Cluster c) {
    Reach r = reach(c);
    return drivers.metrics(r.target(), r.auth(), heartbeat());
  }

  /** Where a cluster is (its address pinned) and the credential its scope allows there. */
  private record Reach(ClusterTarget target, HttpAuth auth) {}

  private Reach reach(Cluster c) {
    try {
      URI base = URI.create(c.baseUrl());
      List<InetAddress> addresses = CredentialScopes.addresses(base.getHost());
      if (addresses.isEmpty()) {
        throw Failures.invalid("cluster " + c.name() + ": " + base.getHost() + " does not resolve");
      }
      ClusterTarget target =
          new ClusterTarget(
              c.name(),
              ClusterKind.parse(c.kind()),
              base,
              c.trustPem() == null ? null : TrustMaterial.pem(c.trustPem()),
              addresses.getFirst());
      List<Destination> to =
          addresses.stream()
              .map(a -> new Destination(c.name(), "cluster", c.siteId(), CredentialScopes.text(a)))
              .toList();
      return new Reach(target, httpAuth(c, to));
    } catch (IllegalArgumentException e) {
      throw Failures.invalid("cluster " + c.name() + ": " + e.getMessage());
    }
  }

  /** The switch's CLI (configuration) and SNMP (reads) capabilities. */
  public SwitchDriver switchDriver(String name) {
    NetworkSwitch sw = switchNamed(name);
    var to = destination(sw);
    SnmpCredentials snmp = sw.snmpCredentialId() == null ? null : snmp(sw, to);
    return drivers.switchDriver(target(sw), login(to, sw.sshCredentialId()), snmp, heartbeat());
  }

  /**
   * The switch's SNMP reads alone (discovery's LLDP walk): a read opens no SSH secret, and the SNMP
   * one only through the scoped path.
   */
  public SnmpSwitch snmpSwitch(String name) {
    NetworkSwitch sw = switchNamed(name);
    if (sw.snmpCredentialId() == null) {
      throw Failures.invalid("switch " + sw.name() + " has no SNMP credential");
    }
    return new SnmpSwitch(target(sw), snmp(sw, destination(sw)), drivers.snmp());
  }

  private static SwitchTarget target(NetworkSwitch sw) {
    return new SwitchTarget(
        sw.name(),
        Dialect.parse(sw.dialect()),
        host(sw.mgmtAddress()),
        sw.sshPort(),
        sw.snmpPort());
  }

  private static Destination destination(NetworkSwitch sw) {
    return new Destination(sw.name(), "switch", sw.siteId(), host(sw.mgmtAddress()));
  }

  public io.longhaul.drivers.capability.Hypervisor hypervisor(String name) {
    Hypervisor h = hypervisorNamed(name);
    return drivers.hypervisor(
        new HypervisorTarget(h.name(), host(h.address()), h.sshPort()),
        login(
            new Destination(h.name(), "hypervisor", h.siteId(), host(h.address())),
            h.credentialId()),
        heartbeat());
  }

  private SshLogin login(Destination to, Long credentialId) {
    if (credentialId == null) {
      throw Failures.invalid(to.device() + " has no SSH credential");
    }
    Credential c = credentials.get(credentialId);
    if (c.username() == null) {
      throw Failures.invalid(to.device() + ": credential " + c.name() + " has no username");
    }
    return switch (c.kind()) {
      case "ssh-password" -> SshLogin.password(c.username(), reveal(c, to));
      case "ssh-key" -> {
        SshKeySecret key;
        try {
          key = SshKeySecret.parse(reveal(c, to));
        } catch (IllegalArgumentException e) {
          throw Failures.invalid(to.device() + ": credential " + c.name() + ": " + e.getMessage());
        }
        yield SshLogin.key(c.username(), key.privateKey(), key.passphrase());
      }
      default ->
          throw Failures.invalid(to.device() + ": credential " + c.name() + " is not for SSH");
    };
  }

  /** The cluster's authorization, revealed only if every address in {@code to} is in scope. */
  private HttpAuth httpAuth(Cluster cluster, List<Destination> to) {
    if (cluster.credentialId() == null) {
      return new HttpAuth.None();
    }
    Credential c = credentials.get(cluster.credentialId());
    return switch (c.kind()) {
      case "http-token" -> new HttpAuth.Bearer(reveal(c, to));
      case "http-basic" -> {
        if (c.username() == null) {
          throw Failures.invalid(cluster.name() + ": credential " + c.name() + " has no username");
        }
        yield new HttpAuth.Basic(c.username(), reveal(c, to));
      }
      default ->
          throw Failures.invalid(
              cluster.name()
                  + ": credential "
                  + c.name()
                  + " is not for HTTP (http-token, http-basic)");
    };
  }

  private SnmpCredentials snmp(NetworkSwitch sw, Destination to) {
    Credential c = credentials.get(sw.snmpCredentialId());
    String secret = reveal(c, to);
    return switch (c.kind()) {
      case "snmp-v2c" -> new SnmpCredentials.V2c(secret);
      case "snmp-v3" -> {
        String[] parts = secret.split("\n", 2);
        if (parts.length != 2 || c.username() == null) {
          throw Failures.invalid(sw.name() + ": credential " + c.name() + " is incomplete");
        }
        try {
          yield new SnmpCredentials.V3(c.username(), parts[0], parts[1], sw.snmpContext());
        } catch (IllegalArgumentException e) {
          throw Failures.invalid(sw.name() + ": credential " + c.name() + " is too weak");
        }
      }
      default ->
          throw Failures.invalid(sw.name() + ": credential " + c.name() + " is not for SNMP");
    };
  }

  /** The secret, if the credential may go to {@code to}; a non-retryable failure otherwise. */
  private String reveal(Credential c, Destination to) {
    return reveal(c, List.of(to));
  }

  /** The secret, if the credential may go to every one of {@code to}. */
  private String reveal(Credential c, List<Destination> to) {
    for (Destination d : to) {
      scopes
          .outsideScope(c.id(), d.siteId(), d.kind(), d.address())
          .ifPresent(
              why -> {
                throw Failures.invalid(d.device() + " at " + d.address() + ": " + why);
              });
    }
    return credentials.reveal(c.id());
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
