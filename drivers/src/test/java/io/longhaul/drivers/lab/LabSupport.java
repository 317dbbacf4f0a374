package io.longhaul.drivers.lab;

import io.longhaul.drivers.ClusterKind;
import io.longhaul.drivers.ClusterTarget;
import io.longhaul.drivers.Dialect;
import io.longhaul.drivers.Drivers;
import io.longhaul.drivers.HypervisorTarget;
import io.longhaul.drivers.SnmpCredentials;
import io.longhaul.drivers.SshLogin;
import io.longhaul.drivers.SwitchDriver;
import io.longhaul.drivers.SwitchTarget;
import io.longhaul.drivers.transport.Heartbeat;
import io.longhaul.drivers.transport.http.HttpAuth;
import io.longhaul.drivers.transport.http.HttpOptions;
import io.longhaul.drivers.transport.http.TrustMaterial;
import io.longhaul.drivers.transport.snmp.SnmpOptions;
import io.longhaul.drivers.transport.ssh.SshOptions;
import io.longhaul.lab.Lab;
import io.longhaul.lab.LabDevice;
import io.longhaul.lab.LabOptions;
import io.longhaul.lab.topology.Topology;
import java.net.URI;
import java.time.Duration;

/**
 * One demo lab per test JVM (it starts in about a second and serves every test class); each test
 * uses its own devices or clears faults, so tests do not see each other.
 */
public final class LabSupport {
  private LabSupport() {}

  private static final class Holder {
    static final Lab LAB = start();

    private static Lab start() {
      Lab lab = Lab.start(Topology.demo(), LabOptions.defaults());
      Runtime.getRuntime().addShutdownHook(new Thread(lab::close));
      return lab;
    }
  }

  public static Lab lab() {
    return Holder.LAB;
  }

  /** Short timeouts so fault tests finish quickly. */
  public static SshOptions sshOptions() {
    return SshOptions.defaults(lab().knownHostsFile())
        .withConnectTimeout(Duration.ofSeconds(3))
        .withCommandTimeout(Duration.ofSeconds(3));
  }

  public static SnmpOptions snmpOptions() {
    return new SnmpOptions(Duration.ofMillis(800), 0, 25);
  }

  public static Drivers drivers() {
    return Drivers.create(sshOptions(), snmpOptions(), httpOptions());
  }

  /** Short timeouts so fault tests finish quickly. */
  public static HttpOptions httpOptions() {
    return HttpOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  /** A lab cluster's address, trusting the lab's CA only. */
  public static ClusterTarget clusterTarget(String name) {
    LabDevice d = lab().device(name);
    return new ClusterTarget(
        d.name(),
        ClusterKind.parse(d.dialect()),
        URI.create(d.baseUrl()),
        TrustMaterial.pem(lab().clusterCaPem()));
  }

  public static HttpAuth clusterAuth() {
    return new HttpAuth.Bearer(lab().credentials().httpToken());
  }

  public static SshLogin login() {
    var c = lab().credentials();
    return SshLogin.password(c.sshUsername(), c.sshPassword());
  }

  public static SnmpCredentials v2c() {
    return new SnmpCredentials.V2c(lab().credentials().snmpCommunity());
  }

  public static SnmpCredentials v3() {
    var c = lab().credentials();
    return new SnmpCredentials.V3(c.snmpV3User(), c.snmpV3AuthPassword(), c.snmpV3PrivPassword());
  }

  public static SwitchTarget switchTarget(String name) {
    LabDevice d = lab().device(name);
    return new SwitchTarget(
        d.name(),
        Dialect.parse(d.dialect()),
        d.ssh().getHostString(),
        d.ssh().getPort(),
        d.snmp().getPort());
  }

  public static HypervisorTarget hypervisorTarget(String name) {
    LabDevice d = lab().device(name);
    return new HypervisorTarget(d.name(), d.ssh().getHostString(), d.ssh().getPort());
  }

  public static SwitchDriver switchDriver(Drivers drivers, String name, SnmpCredentials snmp) {
    return drivers.switchDriver(switchTarget(name), login(), snmp, Heartbeat.NONE);
  }

  /** The leaf port a hypervisor NIC is cabled to. */
  public static String leafPort(String hypervisor, String nic) {
    return lab().cableOf(hypervisor, nic).port();
  }

  public static String leafOf(String hypervisor, String nic) {
    return lab().cableOf(hypervisor, nic).device();
  }
}
