package io.longhaul.drivers;

import io.longhaul.drivers.capability.ClusterApi;
import io.longhaul.drivers.capability.Hypervisor;
import io.longhaul.drivers.capability.MeshKubernetes;
import io.longhaul.drivers.capability.MetricsQuery;
import io.longhaul.drivers.dialect.CliSwitch;
import io.longhaul.drivers.dialect.cluster.ClusterHttp;
import io.longhaul.drivers.dialect.eos.SwitchConfigEos;
import io.longhaul.drivers.dialect.kubernetes.MeshKubernetesFabric8;
import io.longhaul.drivers.dialect.kvm.HypervisorKvm;
import io.longhaul.drivers.dialect.mib.SnmpSwitch;
import io.longhaul.drivers.dialect.nxos.SwitchConfigNxos;
import io.longhaul.drivers.dialect.prometheus.PrometheusHttp;
import io.longhaul.drivers.transport.Heartbeat;
import io.longhaul.drivers.transport.http.HttpAuth;
import io.longhaul.drivers.transport.http.HttpClient5Transport;
import io.longhaul.drivers.transport.http.HttpOptions;
import io.longhaul.drivers.transport.http.HttpTransport;
import io.longhaul.drivers.transport.snmp.Snmp4jTransport;
import io.longhaul.drivers.transport.snmp.SnmpOptions;
import io.longhaul.drivers.transport.snmp.SnmpTransport;
import io.longhaul.drivers.transport.ssh.JschTransport;
import io.longhaul.drivers.transport.ssh.SshOptions;
import io.longhaul.drivers.transport.ssh.SshTransport;

/**
 * The entry point: owns the shared transports (SSH session pools, one SNMP socket, HTTP connection
 * pools per trust store) and hands out capability implementations for a device's dialect, so
 * activities stay thin. One instance per worker process; thread-safe; close it on shutdown.
 */
public final class Drivers implements AutoCloseable {

  private final SshTransport ssh;
  private final SnmpTransport snmp;
  private final HttpTransport http;

  public Drivers(SshTransport ssh, SnmpTransport snmp, HttpTransport http) {
    this.ssh = ssh;
    this.snmp = snmp;
    this.http = http;
  }

  public static Drivers create(SshOptions ssh, SnmpOptions snmp, HttpOptions http) {
    return new Drivers(
        new JschTransport(ssh), new Snmp4jTransport(snmp), new HttpClient5Transport(http));
  }

  /** With the default HTTP options, for callers that reach no cluster. */
  public static Drivers create(SshOptions ssh, SnmpOptions snmp) {
    return create(ssh, snmp, HttpOptions.defaults());
  }

  /**
   * A switch's capabilities. {@code snmp} may be null (reads then go over the CLI); {@code
   * heartbeat} is called during long CLI reads (pass the activity's heartbeat).
   */
  public SwitchDriver switchDriver(
      SwitchTarget target, SshLogin login, SnmpCredentials snmpCredentials, Heartbeat heartbeat) {
    CliSwitch cli =
        switch (target.dialect()) {
          case NXOS -> new SwitchConfigNxos(target, login, ssh, heartbeat);
          case EOS -> new SwitchConfigEos(target, login, ssh, heartbeat);
          case KVM -> throw new IllegalArgumentException("KVM is not a switch dialect");
        };
    SnmpSwitch mib = snmpCredentials == null ? null : new SnmpSwitch(target, snmpCredentials, snmp);
    return new SwitchDriver(
        target, mib != null ? mib : cli, mib != null ? mib : cli, mib, cli, cli, cli, cli);
  }

  public Hypervisor hypervisor(HypervisorTarget target, SshLogin login, Heartbeat heartbeat) {
    return new HypervisorKvm(target, login, ssh, heartbeat);
  }

  /** A cluster's API; {@code heartbeat} is called while a request is in flight. */
  public ClusterApi cluster(ClusterTarget target, HttpAuth auth, Heartbeat heartbeat) {
    return new ClusterHttp(target, auth, http, heartbeat);
  }

  /**
   * A mesh's Kubernetes cluster through fabric8's client; the caller closes it. Calls time out
   * after {@code timeoutMillis}.
   */
  public MeshKubernetes meshKubernetes(ClusterTarget target, HttpAuth auth, int timeoutMillis) {
    return new MeshKubernetesFabric8(target, auth, timeoutMillis);
  }

  /** A Prometheus's query API over the HTTP transport. */
  public MetricsQuery metrics(ClusterTarget target, HttpAuth auth, Heartbeat heartbeat) {
    return new PrometheusHttp(target.name(), cluster(target, auth, heartbeat));
  }

  public SshTransport ssh() {
    return ssh;
  }

  public SnmpTransport snmp() {
    return snmp;
  }

  public HttpTransport http() {
    return http;
  }

  @Override
  public void close() {
    ssh.close();
    snmp.close();
    http.close();
  }
}
