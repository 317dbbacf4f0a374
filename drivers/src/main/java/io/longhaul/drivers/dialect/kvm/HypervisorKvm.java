package io.longhaul.drivers.dialect.kvm;

import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.HypervisorTarget;
import io.longhaul.drivers.SshLogin;
import io.longhaul.drivers.capability.BootDisk;
import io.longhaul.drivers.capability.DomainIdentity;
import io.longhaul.drivers.capability.DomainInfo;
import io.longhaul.drivers.capability.DomainOwner;
import io.longhaul.drivers.capability.DomainSpec;
import io.longhaul.drivers.capability.DomainSummary;
import io.longhaul.drivers.capability.HostCapacity;
import io.longhaul.drivers.capability.Hypervisor;
import io.longhaul.drivers.capability.ServiceStatus;
import io.longhaul.drivers.cli.CliValues;
import io.longhaul.drivers.transport.Heartbeat;
import io.longhaul.drivers.transport.ssh.ExecResult;
import io.longhaul.drivers.transport.ssh.SshEndpoint;
import io.longhaul.drivers.transport.ssh.SshTransport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Hypervisor} over SSH exec on a KVM host with libvirt and Open vSwitch. Every command is
 * bounded on the host too, not only by the transport's wait: virsh runs under coreutils {@code
 * timeout} and ovs-vsctl with its own {@code --timeout} (it waits for ovs-vswitchd forever without
 * one), so a hung daemon never leaves a process behind on the host.
 */
public final class HypervisorKvm implements Hypervisor {

  private static final Set<String> SERVICES = Set.of("libvirtd", "openvswitch-switch");
  private static final String URI = "qemu:///system";
  private static final long OVS_TIMEOUT_SECONDS = 10;
  // coreutils timeout's exit status when it had to stop the command; ovs-vsctl's is 128 + SIGALRM
  private static final int TIMEOUT_EXIT = 124;
  private static final int OVS_ALARM_EXIT = 142;

  private final HypervisorTarget target;
  private final SshTransport ssh;
  private final SshEndpoint endpoint;
  private final Heartbeat heartbeat;

  public HypervisorKvm(
      HypervisorTarget target, SshLogin login, SshTransport ssh, Heartbeat heartbeat) {
    this.target = target;
    this.ssh = ssh;
    this.endpoint = new SshEndpoint(target.name(), target.host(), target.sshPort(), login);
    this.heartbeat = heartbeat == null ? Heartbeat.NONE : heartbeat;
  }

  private String device() {
    return target.name();
  }

  /** Seconds a command may run on the host: a little less than the transport waits for it. */
  private long hostBound() {
    return Math.max(1, ssh.commandTimeout().toSeconds() - 5);
  }

  private String bounded(String command) {
    return "timeout -k 5 " + hostBound() + " " + command;
  }

  private String virsh(String args) {
    return bounded("virsh -c " + URI + " " + args);
  }

  private String ovsVsctl(String args) {
    return "ovs-vsctl --timeout=" + Math.min(OVS_TIMEOUT_SECONDS, hostBound()) + " " + args;
  }

  @Override
  public void define(DomainSpec spec) {
    DomainXml.validate(device(), spec);
    String type = domainType();
    String xml = DomainXml.render(device(), spec, type);
    identity(spec.name()).ifPresent(existing -> requireOwned(existing, spec.owner(), "define"));
    ok(exec(virsh("define /dev/stdin"), xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public String domainType() {
    String xml = ok(exec(virsh("domcapabilities"), null)).stdout();
    try {
      return KvmParsers.domainType(xml);
    } catch (IllegalArgumentException e) {
      throw new DeviceException.CommandRejected(device(), virsh("domcapabilities"), e.getMessage());
    }
  }

  @Override
  public Optional<DomainIdentity> identity(String domain) {
    CliValues.domainName(device(), domain);
    var result = exec(virsh("dumpxml " + domain), null);
    if (!result.ok()) {
      if (absent(result)) {
        return Optional.empty();
      }
      throw rejected(result);
    }
    try {
      return Optional.of(KvmParsers.domainIdentity(result.stdout()));
    } catch (IllegalArgumentException e) {
      throw new DeviceException.CommandRejected(device(), result.command(), e.getMessage());
    }
  }

  /** Refuses to touch a guest whose ownership mark does not name {@code owner}. */
  private void requireOwned(DomainIdentity existing, DomainOwner owner, String action) {
    if (owner.owns(existing.owner().orElse(null))) {
      return;
    }
    String whose =
        existing
            .owner()
            .map(o -> "it belongs to change " + o.change() + " (instance " + o.instance() + ")")
            .orElse("it has no Longhaul ownership mark (defined outside Longhaul)");
    throw new DeviceException.NotOwned(
        device(),
        "virsh " + action + " " + existing.name(),
        "domain "
            + existing.name()
            + " (uuid "
            + existing.uuid()
            + ") exists and "
            + whose
            + "; refusing to "
            + action
            + " it for change "
            + owner.change());
  }

  @Override
  public void start(String domain) {
    CliValues.domainName(device(), domain);
    String state =
        state(domain)
            .orElseThrow(
                () ->
                    new DeviceException.CommandRejected(
                        device(), virsh("start " + domain), "domain does not exist"));
    if (!state.equals("running")) {
      ok(exec(virsh("start " + domain), null));
    }
  }

  @Override
  public void createVolumes(DomainSpec spec) {
    DomainXml.validate(device(), spec);
    BootDisk boot = spec.boot();
    if (boot == null) {
      return;
    }
    String pool = boot.pool();
    List<String> present = volumes(pool);
    if (!present.contains(boot.baseVolume())) {
      throw new DeviceException.CommandRejected(
          device(),
          virsh("vol-list --pool " + pool),
          "base volume " + boot.baseVolume() + " is not in pool " + pool);
    }
    String overlay = BootDisk.overlay(spec.name(), spec.owner());
    if (!present.contains(overlay)) {
      long capacity = capacityBytes(pool, boot.baseVolume());
      ok(
          exec(
              virsh(
                  "vol-create-as --pool "
                      + pool
                      + " "
                      + overlay
                      + " "
                      + capacity
                      + "b --format qcow2 --backing-vol "
                      + boot.baseVolume()
                      + " --backing-vol-format qcow2"),
              null));
    }
    heartbeat.beat(0);
    String seed = BootDisk.seed(spec.name(), spec.owner());
    byte[] iso =
        NoCloudSeed.iso(
            device(), spec.owner().domainUuid().toString(), spec.nics().getFirst().mac(), boot);
    if (!present.contains(seed)) {
      ok(exec(virsh("vol-create-as --pool " + pool + " " + seed + " 1M --format raw"), null));
    }
    ok(exec(virsh("vol-upload --pool " + pool + " " + seed + " /dev/stdin"), iso));
  }

  private long capacityBytes(String pool, String volume) {
    var info =
        KvmParsers.keyValues(
            ok(exec(virsh("vol-info --pool " + pool + " " + volume + " --bytes"), null)).stdout());
    String capacity = info.getOrDefault("Capacity", "").replace("bytes", "").strip();
    try {
      return Long.parseLong(capacity);
    } catch (NumberFormatException e) {
      throw new DeviceException.CommandRejected(
          device(), virsh("vol-info " + volume), "no capacity in its answer: " + info);
    }
  }

  @Override
  public void deleteVolumes(String pool, String domain, DomainOwner owner) {
    CliValues.pool(device(), pool);
    CliValues.domainName(device(), domain);
    List<String> present = volumes(pool);
    for (String volume : List.of(BootDisk.overlay(domain, owner), BootDisk.seed(domain, owner))) {
      if (present.contains(volume)) {
        var result = exec(virsh("vol-delete --pool " + pool + " " + volume), null);
        if (!result.ok() && !result.stderr().contains("Storage volume not found")) {
          throw rejected(result);
        }
      }
    }
  }

  @Override
  public List<String> volumes(String pool) {
    CliValues.pool(device(), pool);
    return KvmParsers.volList(ok(exec(virsh("vol-list --pool " + pool), null)).stdout());
  }

  @Override
  public String console(String domain) {
    CliValues.domainName(device(), domain);
    var result = exec(bounded("tail -c 16384 " + BootDisk.consoleLog(domain)), null);
    if (!result.ok() && result.stderr().contains("No such file")) {
      return "";
    }
    return ok(result).stdout();
  }

  @Override
  public void destroy(String domain, DomainOwner owner) {
    CliValues.domainName(device(), domain);
    Optional<DomainIdentity> existing = identity(domain);
    if (existing.isEmpty()) {
      return;
    }
    requireOwned(existing.get(), owner, "destroy");
    if (state(domain).filter(s -> s.equals("running") || s.equals("paused")).isPresent()) {
      ok(exec(virsh("destroy " + domain), null));
    }
  }

  @Override
  public void undefine(String domain, DomainOwner owner) {
    CliValues.domainName(device(), domain);
    Optional<DomainIdentity> existing = identity(domain);
    if (existing.isEmpty()) {
      return;
    }
    requireOwned(existing.get(), owner, "undefine");
    var result = exec(virsh("undefine " + domain), null);
    if (!result.ok() && !absent(result)) {
      throw rejected(result);
    }
  }

  @Override
  public List<DomainSummary> list() {
    return KvmParsers.virshList(ok(exec(virsh("list --all"), null)).stdout());
  }

  @Override
  public DomainInfo dominfo(String domain) {
    CliValues.domainName(device(), domain);
    return KvmParsers.dominfo(ok(exec(virsh("dominfo " + domain), null)).stdout());
  }

  @Override
  public void plug(String bridge, String port, String ifaceId) {
    CliValues.bridge(device(), bridge);
    CliValues.ovsPort(device(), port);
    CliValues.ifaceId(device(), ifaceId);
    ok(
        exec(
            ovsVsctl("--may-exist add-port ")
                + bridge
                + " "
                + port
                + " -- set Interface "
                + port
                + " external_ids:iface-id="
                + ifaceId,
            null));
  }

  @Override
  public void unplug(String bridge, String port) {
    CliValues.bridge(device(), bridge);
    CliValues.ovsPort(device(), port);
    ok(exec(ovsVsctl("--if-exists del-port " + bridge + " " + port), null));
  }

  @Override
  public List<String> ports(String bridge) {
    CliValues.bridge(device(), bridge);
    return ok(exec(ovsVsctl("list-ports " + bridge), null))
        .stdout()
        .lines()
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  @Override
  public String ifaceId(String port) {
    CliValues.ovsPort(device(), port);
    var result =
        exec(ovsVsctl("--if-exists get Interface " + port + " external_ids:iface-id"), null);
    return ok(result).stdout().strip().replace("\"", "");
  }

  @Override
  public HostCapacity capacity() {
    var node = KvmParsers.keyValues(ok(exec(virsh("nodeinfo"), null)).stdout());
    int cpus = Integer.parseInt(node.getOrDefault("CPU(s)", "0"));
    long memory = KvmParsers.kib(node.getOrDefault("Memory size", "0 KiB"));
    int vcpus = 0;
    long allocated = 0;
    int running = 0;
    for (DomainSummary d : list()) {
      if (d.state().equals("running")) {
        DomainInfo info = dominfo(d.name());
        vcpus += info.vcpus();
        allocated += info.maxMemoryKiB();
        running++;
      }
    }
    return new HostCapacity(cpus, memory, vcpus, allocated, running);
  }

  @Override
  public ServiceStatus serviceStatus(String service) {
    service(service);
    var result = exec(bounded("systemctl is-active " + service), null);
    String word = result.stdout().strip();
    return new ServiceStatus(service, result.ok() && word.equals("active"), word);
  }

  @Override
  public void restartService(String service) {
    service(service);
    ok(exec(bounded("systemctl restart " + service), null));
  }

  private void service(String service) {
    if (!SERVICES.contains(service)) {
      throw new DeviceException.InvalidParameter(device(), "service", "not one of " + SERVICES);
    }
  }

  /** The guest's state, empty when it does not exist. */
  private Optional<String> state(String domain) {
    var result = exec(virsh("domstate " + domain), null);
    if (result.ok()) {
      return Optional.of(result.stdout().strip());
    }
    if (absent(result)) {
      return Optional.empty();
    }
    throw rejected(result);
  }

  private static boolean absent(ExecResult result) {
    return result.stderr().contains("failed to get domain")
        || result.stderr().contains("Domain not found");
  }

  private ExecResult exec(String command, byte[] stdin) {
    return ssh.exec(endpoint, command, stdin, heartbeat);
  }

  private ExecResult ok(ExecResult result) {
    if (!result.ok()) {
      throw rejected(result);
    }
    return result;
  }

  private DeviceException rejected(ExecResult result) {
    String why = result.stderr().isBlank() ? result.stdout() : result.stderr();
    if (result.exitStatus() == TIMEOUT_EXIT) {
      return new DeviceException.TimedOut(
          device(), result.command(), "no answer within " + hostBound() + " s on the host", null);
    }
    if (result.exitStatus() == OVS_ALARM_EXIT || why.contains("(Alarm clock)")) {
      // ovsdb took the change; ovs-vswitchd did not apply it in time (down or stuck)
      return new DeviceException.TimedOut(
          device(),
          result.command(),
          "ovs-vswitchd did not apply the change within "
              + Math.min(OVS_TIMEOUT_SECONDS, hostBound())
              + " s",
          null);
    }
    if (why.contains("failed to connect to the hypervisor")
        || why.contains("database connection failed")) {
      // libvirtd or ovsdb is down: a restart (or time) fixes it, so the caller may retry
      return new DeviceException.Unreachable(
          device(), result.command(), "service down: " + why.strip(), null);
    }
    return new DeviceException.CommandRejected(
        device(), result.command(), "exit " + result.exitStatus() + ": " + why);
  }
}
