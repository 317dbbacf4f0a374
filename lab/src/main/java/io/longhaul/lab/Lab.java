package io.longhaul.lab;

import io.longhaul.lab.admin.AdminServer;
import io.longhaul.lab.device.Cabling;
import io.longhaul.lab.device.HypervisorState;
import io.longhaul.lab.device.SwitchState;
import io.longhaul.lab.fault.FaultController;
import io.longhaul.lab.http.HttpFrontend;
import io.longhaul.lab.mesh.MeshControlPlane;
import io.longhaul.lab.snmp.SnmpFrontend;
import io.longhaul.lab.ssh.HostKeys;
import io.longhaul.lab.ssh.SshFrontend;
import io.longhaul.lab.tls.CertificateAuthority;
import io.longhaul.lab.topology.ClusterSpec;
import io.longhaul.lab.topology.HypervisorSpec;
import io.longhaul.lab.topology.NetworkSpec;
import io.longhaul.lab.topology.NicSpec;
import io.longhaul.lab.topology.SiteSpec;
import io.longhaul.lab.topology.SwitchSpec;
import io.longhaul.lab.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/**
 * A running simulated datacenter: every switch speaks SSH (NX-OS or EOS CLI) and SNMP, every
 * hypervisor speaks SSH (virsh, ovs-vsctl, systemctl), every cluster speaks HTTPS (its system's
 * JSON API, with a certificate from the lab's CA), each on its own loopback address.
 */
public final class Lab implements AutoCloseable {

  private final Topology topology;
  private final LabCredentials credentials;
  private final Map<String, LabDevice> devices = new LinkedHashMap<>();
  private final Map<String, SwitchState> switches = new LinkedHashMap<>();
  private final Map<String, HypervisorState> hypervisors = new LinkedHashMap<>();
  private final Map<String, MeshControlPlane> meshes = new LinkedHashMap<>();
  // Made only for a topology with clusters: the key and the first signature cost about a second.
  private final CertificateAuthority clusterCa;
  private final Map<String, KeyPair> hostKeys = new java.util.concurrent.ConcurrentHashMap<>();
  private final Cabling cabling = new Cabling();
  private final FaultController faults;
  private final Path stateDir;
  // Null for a lab without a state dir of its own (a temp dir): it starts afresh each time.
  private final LabStateStore store;
  private final Path knownHosts;
  private final String adminToken;
  private SshFrontend ssh;
  private SnmpFrontend snmp;
  private HttpFrontend http;
  private AdminServer admin;

  private Lab(Topology topology, LabOptions options) throws IOException {
    this.topology = topology;
    this.clusterCa =
        topology.clusters().findAny().isPresent()
            ? new CertificateAuthority("Longhaul lab CA")
            : null;
    SecureRandom random = new SecureRandom();
    this.credentials =
        new LabCredentials(
            options.sshUsername() == null ? "longhaul" : options.sshUsername(),
            orRandom(options.sshPassword(), random),
            orRandom(options.snmpCommunity(), random),
            "longhaul",
            orRandom(options.snmpV3AuthPassword(), random),
            orRandom(options.snmpV3PrivPassword(), random),
            secret(random, 24));
    this.adminToken = secret(random, 24);
    this.stateDir =
        options.stateDir() != null
            ? Files.createDirectories(options.stateDir())
            : Files.createTempDirectory("longhaul-lab");
    String seed = options.seed();
    if (seed == null) {
      Path seedFile = stateDir.resolve("host-key-seed");
      if (options.stateDir() != null && Files.exists(seedFile)) {
        seed = Files.readString(seedFile).strip();
      } else {
        seed = secret(random, 32);
        if (options.stateDir() != null) {
          Files.writeString(seedFile, seed + "\n");
        }
      }
    }
    this.knownHosts = stateDir.resolve("known_hosts");
    this.store = options.stateDir() != null ? new LabStateStore(stateDir) : null;

    Map<String, Set<String>> groups = new HashMap<>();
    Set<String> targets =
        new HashSet<>(Set.of("*", "leaves", "spines", "switches", "hypervisors", "clusters"));
    for (SiteSpec site : topology.sites()) {
      targets.add(site.code());
      int spineCount = site.spines().size();
      List<SwitchSpec> leaves = site.leaves();
      for (SwitchSpec s : site.switches()) {
        switches.put(s.name(), null);
        groups.put(
            s.name(),
            Set.of(s.name(), site.code(), s.isLeaf() ? "leaves" : "spines", "switches", "*"));
      }
      for (int l = 0; l < leaves.size(); l++) {
        SwitchSpec leaf = leaves.get(l);
        for (int sp = 0; sp < spineCount; sp++) {
          SwitchSpec spine = site.spines().get(sp);
          cabling.connect(
              new Cabling.End(
                  leaf.name(), leaf.interfaceName(leaf.interfaceCount() - spineCount + sp + 1)),
              new Cabling.End(spine.name(), spine.interfaceName(l + 1)));
        }
      }
      for (HypervisorSpec h : site.hypervisors()) {
        groups.put(h.name(), Set.of(h.name(), site.code(), "hypervisors", "*"));
        for (NicSpec nic : h.nics()) {
          cabling.connect(
              new Cabling.End(h.name(), nic.nic()),
              new Cabling.End(nic.switchName(), nic.interfaceName()));
        }
      }
      for (ClusterSpec c : site.clusters()) {
        groups.put(c.name(), Set.of(c.name(), site.code(), "clusters", "*"));
      }
    }
    targets.addAll(groups.keySet());
    this.faults = new FaultController(d -> groups.getOrDefault(d, Set.of()), targets);

    for (SiteSpec site : topology.sites()) {
      for (SwitchSpec s : site.switches()) {
        SwitchState st = new SwitchState(s, site.code(), cabling, faults);
        if (s.isLeaf()) {
          for (NetworkSpec n : site.networks()) {
            st.bootstrapVlan(n.vlan(), n.name(), n.vni());
          }
        }
        for (int i = 1; i <= s.interfaceCount(); i++) {
          Cabling.End peer = cabling.peer(s.name(), s.interfaceName(i));
          if (peer == null) {
            continue;
          }
          if (peer.port().startsWith("eth")) {
            st.bootstrapHostPort(s.interfaceName(i), peer.device() + " " + peer.port());
          } else {
            st.bootstrapFabricPort(
                s.interfaceName(i),
                (s.isLeaf() ? "uplink " : "downlink ") + peer.device() + " " + peer.port());
          }
        }
        if (store != null) {
          store.keep(st);
        }
        switches.put(s.name(), st);
      }
      for (HypervisorSpec h : site.hypervisors()) {
        HypervisorState hv = new HypervisorState(h, site.code());
        if (store != null) {
          store.keep(hv);
        }
        hypervisors.put(h.name(), hv);
      }
      for (ClusterSpec c : site.clusters()) {
        meshes.put(c.name(), new MeshControlPlane(c));
      }
    }
    for (String name : groups.keySet()) {
      if (!meshes.containsKey(name)) {
        hostKeys.put(name, HostKeys.derive(seed, name));
      }
    }
    start(options);
  }

  public static Lab start(Topology topology, LabOptions options) {
    try {
      return new Lab(topology, options == null ? LabOptions.defaults() : options);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the lab", e);
    }
  }

  private void start(LabOptions options) throws IOException {
    Map<String, String> hosts = new LinkedHashMap<>();
    int siteIndex = 0;
    for (SiteSpec site : topology.sites()) {
      int i = 0;
      List<String> names = new ArrayList<>();
      site.switches().forEach(s -> names.add(s.name()));
      site.hypervisors().forEach(h -> names.add(h.name()));
      site.clusters().forEach(c -> names.add(c.name()));
      for (String n : names) {
        hosts.put(
            n,
            options.addressPrefix() == null
                ? "127.0.0.1"
                : options.addressPrefix() + "." + (siteIndex * 8 + i / 250) + "." + (i % 250 + 1));
        i++;
      }
      siteIndex++;
    }
    ssh =
        new SshFrontend(
            credentials.sshUsername(),
            credentials.sshPassword(),
            faults,
            options.maxSessionsPerDevice());
    Map<SshFrontend.Target, String> sshTargets = new LinkedHashMap<>();
    Map<HttpFrontend.Target, String> httpTargets = new LinkedHashMap<>();
    hosts.forEach(
        (n, h) -> {
          if (meshes.containsKey(n)) {
            httpTargets.put(new HttpFrontend.Target(n, meshes.get(n)), h);
          } else {
            sshTargets.put(
                new SshFrontend.Target(n, hostKeys.get(n), switches.get(n), hypervisors.get(n)), h);
          }
        });
    Map<String, InetSocketAddress> sshAddrs = ssh.start(sshTargets, options.sshPort());
    snmp =
        new SnmpFrontend(
            credentials.snmpCommunity(),
            credentials.snmpV3User(),
            credentials.snmpV3AuthPassword(),
            credentials.snmpV3PrivPassword(),
            faults);
    Map<SwitchState, String> snmpTargets = new LinkedHashMap<>();
    switches.forEach((n, s) -> snmpTargets.put(s, hosts.get(n)));
    Map<String, InetSocketAddress> snmpAddrs = snmp.start(snmpTargets, options.snmpPort());
    Map<String, InetSocketAddress> httpAddrs = Map.of();
    if (clusterCa != null) {
      http = new HttpFrontend(credentials.httpToken(), faults, clusterCa);
      httpAddrs = http.start(httpTargets, 0);
    }
    for (SiteSpec site : topology.sites()) {
      for (SwitchSpec s : site.switches()) {
        devices.put(
            s.name(),
            new LabDevice(
                s.name(),
                DeviceKind.SWITCH,
                site.code(),
                s.dialect(),
                s.role(),
                sshAddrs.get(s.name()),
                snmpAddrs.get(s.name()),
                null));
      }
      for (HypervisorSpec h : site.hypervisors()) {
        devices.put(
            h.name(),
            new LabDevice(
                h.name(),
                DeviceKind.HYPERVISOR,
                site.code(),
                null,
                "hypervisor",
                sshAddrs.get(h.name()),
                null,
                null));
      }
      for (ClusterSpec c : site.clusters()) {
        devices.put(
            c.name(),
            new LabDevice(
                c.name(),
                DeviceKind.CLUSTER,
                site.code(),
                c.kind(),
                "cluster",
                null,
                null,
                httpAddrs.get(c.name())));
      }
    }
    if (clusterCa != null) {
      Files.writeString(clusterCaFile(), clusterCa.pem());
    }
    Files.writeString(knownHosts, knownHostsText());
    writeOwnerOnly(
        stateDir.resolve("credentials.properties"),
        "ssh.username="
            + credentials.sshUsername()
            + "\nssh.password="
            + credentials.sshPassword()
            + "\nsnmp.community="
            + credentials.snmpCommunity()
            + "\nsnmp.v3.user="
            + credentials.snmpV3User()
            + "\nsnmp.v3.auth=SHA-256\nsnmp.v3.authPassword="
            + credentials.snmpV3AuthPassword()
            + "\nsnmp.v3.priv=AES-128\nsnmp.v3.privPassword="
            + credentials.snmpV3PrivPassword()
            + "\nhttp.token="
            + credentials.httpToken()
            + "\nknown_hosts="
            + knownHosts.toAbsolutePath()
            + (clusterCa == null ? "" : "\ncluster_ca=" + clusterCaFile().toAbsolutePath())
            + "\nadmin.token="
            + adminToken
            + "\n");
    if (options.adminPort() >= 0) {
      admin = new AdminServer(this, options.adminPort());
    }
  }

  /**
   * Authorizes an OpenSSH public key ({@code ssh-ed25519 AAAA... comment}) for the lab's user on
   * every device.
   */
  public void authorizeKey(String openSshPublicKey) {
    try {
      ssh.authorize(
          org.apache.sshd.common.config.keys.AuthorizedKeyEntry.parseAuthorizedKeyEntry(
                  openSshPublicKey.strip())
              .resolvePublicKey(
                  null, org.apache.sshd.common.config.keys.PublicKeyEntryResolver.FAILING));
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalArgumentException("not an OpenSSH public key: " + e.getMessage(), e);
    }
  }

  /**
   * Gives a device a fresh host key; known_hosts is left as it is (an operator trusts the new key).
   * Returns the device's new known_hosts line.
   */
  public String rotateHostKey(String device) {
    KeyPair key = HostKeys.derive(secret(new SecureRandom(), 24), device);
    hostKeys.put(device, key);
    ssh.replaceHostKey(device, key);
    return knownHostsLine(device(device));
  }

  private String knownHostsLine(LabDevice d) {
    return "["
        + d.ssh().getAddress().getHostAddress()
        + "]:"
        + d.ssh().getPort()
        + " "
        + PublicKeyEntry.toString(hostKeys.get(d.name()).getPublic());
  }

  /**
   * Writes a file only its owner can read or write: the mode is set before the secrets go in, and
   * again on an existing file (an older lab wrote it world-readable).
   */
  private static void writeOwnerOnly(Path file, String text) throws IOException {
    Set<PosixFilePermission> ownerOnly =
        EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    if (Files.exists(file)) {
      Files.setPosixFilePermissions(file, ownerOnly);
    } else {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
    }
    Files.writeString(file, text);
  }

  /** OpenSSH known_hosts lines, {@code [127.x.y.z]:port ssh-ed25519 AAAA...}, one per device. */
  public String knownHostsText() {
    StringBuilder sb = new StringBuilder();
    for (LabDevice d : devices.values()) {
      if (d.ssh() == null) {
        continue;
      }
      sb.append(knownHostsLine(d)).append('\n');
    }
    return sb.toString();
  }

  private static String orRandom(String v, SecureRandom r) {
    return v != null ? v : secret(r, 18);
  }

  private static String secret(SecureRandom r, int bytes) {
    byte[] b = new byte[bytes];
    r.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  public Topology topology() {
    return topology;
  }

  public List<LabDevice> devices() {
    return List.copyOf(devices.values());
  }

  public LabDevice device(String name) {
    LabDevice d = devices.get(name);
    if (d == null) {
      throw new IllegalArgumentException("no device named '" + name + "'");
    }
    return d;
  }

  public LabCredentials credentials() {
    return credentials;
  }

  public Path knownHostsFile() {
    return knownHosts;
  }

  /**
   * The directory holding known_hosts, credentials.properties, the host-key seed and, when given in
   * the options, every device's configuration ({@code devices/}).
   */
  public Path stateDir() {
    return stateDir;
  }

  /**
   * What this start did with the saved device state: one line per device restored or not restored
   * (its file no longer fits the topology); empty for a lab without a state dir or a first start.
   */
  public List<String> restoredState() {
    return store == null ? List.of() : store.notes();
  }

  /** The PEM certificate of the CA that issued every cluster's server certificate. */
  public String clusterCaPem() {
    if (clusterCa == null) {
      throw new IllegalStateException("this lab's topology has no clusters");
    }
    return clusterCa.pem();
  }

  /** {@link #clusterCaPem()} as a file in the state directory. */
  public Path clusterCaFile() {
    return stateDir.resolve("cluster-ca.pem");
  }

  public FaultController faults() {
    return faults;
  }

  /** The admin API's base URI (null when started with adminPort -1). */
  public URI adminUri() {
    return admin == null ? null : admin.uri();
  }

  /** The bearer token the admin API requires. */
  public String adminToken() {
    return adminToken;
  }

  public SwitchState switchState(String name) {
    SwitchState s = switches.get(name);
    if (s == null) {
      throw new IllegalArgumentException("no switch named '" + name + "'");
    }
    return s;
  }

  public HypervisorState hypervisorState(String name) {
    HypervisorState h = hypervisors.get(name);
    if (h == null) {
      throw new IllegalArgumentException("no hypervisor named '" + name + "'");
    }
    return h;
  }

  public MeshControlPlane meshControlPlane(String name) {
    MeshControlPlane m = meshes.get(name);
    if (m == null) {
      throw new IllegalArgumentException("no mesh control plane named '" + name + "'");
    }
    return m;
  }

  /** Concurrent SSH connections to a device right now. */
  public int sshSessionCount(String device) {
    return ssh.sessionCount(device);
  }

  /**
   * Re-cables a hypervisor NIC to another switch interface; LLDP (CLI and SNMP) on the old and the
   * new switch changes at once. The new interface must be free.
   */
  public void moveCable(String hypervisor, String nic, String newSwitch, String newInterface) {
    hypervisorState(hypervisor);
    SwitchState target = switchState(newSwitch);
    int n = target.spec().interfaceNumber(newInterface);
    if (n < 0) {
      throw new IllegalArgumentException(newSwitch + " has no interface " + newInterface);
    }
    Cabling.End from = new Cabling.End(hypervisor, nic);
    if (cabling.peer(from) == null
        && hypervisors.get(hypervisor).spec().nics().stream().noneMatch(x -> x.nic().equals(nic))) {
      throw new IllegalArgumentException(hypervisor + " has no NIC " + nic);
    }
    cabling.move(from, new Cabling.End(newSwitch, target.spec().interfaceName(n)));
  }

  /** Where a hypervisor NIC is cabled now (switch and interface), or null. */
  public Cabling.End cableOf(String hypervisor, String nic) {
    return cabling.peer(hypervisor, nic);
  }

  @Override
  public void close() {
    if (admin != null) {
      admin.close();
    }
    if (http != null) {
      http.close();
    }
    try {
      if (snmp != null) {
        snmp.close();
      }
    } catch (IOException e) {
      // closing anyway
    }
    try {
      if (ssh != null) {
        ssh.close();
      }
    } catch (IOException e) {
      // closing anyway
    }
  }
}
