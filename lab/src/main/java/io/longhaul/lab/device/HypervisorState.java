package io.longhaul.lab.device;

import io.longhaul.lab.topology.HypervisorSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/** The live state of one simulated KVM host: libvirt domains and Open vSwitch. */
public final class HypervisorState {

  /** A domain NIC: MAC, bridge, OVS interface id (Neutron port id) and tap device. */
  public record DomainInterface(String mac, String bridge, String interfaceId, String target) {}

  /** A domain disk: a volume of a storage pool, attached at {@code target} (vda, vdb). */
  public record DomainDisk(String pool, String volume, String target) {}

  /**
   * A storage volume; {@code backing} names the volume a qcow2 overlay is over (null for none),
   * {@code content} holds what {@code vol-upload} wrote (empty otherwise).
   */
  public record Volume(
      String name, String format, long capacityBytes, String backing, byte[] content) {}

  /**
   * A libvirt domain; {@code state} is {@code running} or {@code shut off}; id null when off.
   * {@code type} is {@code kvm} or {@code qemu}; {@code metadata} is the {@code <metadata>} element
   * as defined (kept verbatim, as libvirt keeps foreign-namespace elements), or "".
   */
  public record Domain(
      String name,
      String uuid,
      String state,
      Integer id,
      int vcpu,
      long memoryMb,
      boolean persistent,
      List<DomainInterface> interfaces,
      String type,
      String metadata,
      List<DomainDisk> disks) {
    public boolean running() {
      return "running".equals(state);
    }

    Domain with(String newState, Integer newId, boolean newPersistent) {
      return new Domain(
          name,
          uuid,
          newState,
          newId,
          vcpu,
          memoryMb,
          newPersistent,
          interfaces,
          type,
          metadata,
          disks);
    }
  }

  private final HypervisorSpec spec;
  private final String siteCode;
  final Map<String, Domain> domains = new LinkedHashMap<>();
  final SortedSet<String> bridges = new TreeSet<>();

  /** Storage pools by name, each its volumes by name. */
  final Map<String, Map<String, Volume>> pools = new TreeMap<>();

  /** What each guest printed on its serial console since its last start. */
  final Map<String, String> consoles = new TreeMap<>();

  /** port name to OVS port (bridge, iface-id, null when unset). */
  final Map<String, String[]> ports = new TreeMap<>();

  boolean libvirtdActive = true;
  boolean ovsActive = true;
  // ovsdb-server up but ovs-vswitchd down: changes commit, then ovs-vsctl waits to see them applied
  volatile boolean vswitchdActive = true;
  // set by the last ovs-vsctl command line under the state's lock: it committed a change
  boolean ovsChanged;
  // whether /dev/kvm is usable; without it libvirt offers only emulation (type qemu)
  boolean kvm = true;
  int nextId = 1;
  private final AtomicInteger ovsRestarts = new AtomicInteger();
  private final List<String> commandLog = Collections.synchronizedList(new ArrayList<>());

  public HypervisorState(HypervisorSpec spec, String siteCode) {
    this.spec = spec;
    this.siteCode = siteCode;
    bridges.add("br-int");
    // the pool and golden image a KVM host is prepared with before Longhaul spawns on it
    Map<String, Volume> pool = new TreeMap<>();
    pool.put(BASE_VOLUME, new Volume(BASE_VOLUME, "qcow2", 24L << 20, null, new byte[0]));
    pools.put(POOL, pool);
  }

  /** The pool every lab host has, and the golden image in it. */
  public static final String POOL = "longhaul";

  public static final String BASE_VOLUME = "longhaul-base.qcow2";

  /** Volume names of a pool (empty when the pool does not exist). */
  public synchronized List<String> volumes(String pool) {
    return List.copyOf(pools.getOrDefault(pool, Map.of()).keySet());
  }

  /** What the guest printed on its console since its last start ("" if never started). */
  public synchronized String console(String domain) {
    return consoles.getOrDefault(domain, "");
  }

  /**
   * What an operator at the host does by hand ({@code virsh suspend}, {@code virsh destroy}, the
   * guest crashing): the domain goes to {@code paused}, {@code running} or {@code shut off}, or is
   * {@code gone} (destroyed and undefined), without Longhaul.
   */
  public synchronized void byHand(String domain, String newState) {
    Domain d = domains.get(domain);
    if (d == null) {
      throw new IllegalArgumentException("no domain " + domain);
    }
    if (newState.equals("gone")) {
      // destroyed and undefined by hand
      d.interfaces().forEach(nic -> ports.remove(nic.target()));
      domains.remove(domain);
    } else if (newState.equals("shut off")) {
      d.interfaces().forEach(nic -> ports.remove(nic.target()));
      domains.put(domain, d.with("shut off", null, d.persistent()));
    } else {
      domains.put(domain, d.with(newState, d.id() == null ? nextId++ : d.id(), d.persistent()));
    }
  }

  /** Removes a volume behind libvirt's back, as an operator's rm in the pool's directory would. */
  public synchronized void removeVolumeByHand(String pool, String volume) {
    pools.getOrDefault(pool, new TreeMap<>()).remove(volume);
  }

  public String name() {
    return spec.name();
  }

  // Told after every command and lab-side change, so the lab can keep the state on disk.
  private volatile Runnable onChange = () -> {};

  /** Called after each command that may have changed the state (the lab saves it). */
  public void onChange(Runnable listener) {
    this.onChange = listener;
  }

  void changed() {
    onChange.run();
  }

  public HypervisorSpec spec() {
    return spec;
  }

  public String siteCode() {
    return siteCode;
  }

  public synchronized Map<String, Domain> domains() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(domains));
  }

  /** OVS port name to its external_ids:iface-id ("" when unset), across all bridges. */
  public synchronized Map<String, String> ovsPorts() {
    Map<String, String> out = new TreeMap<>();
    ports.forEach((k, v) -> out.put(k, v[1] == null ? "" : v[1]));
    return Collections.unmodifiableMap(out);
  }

  public synchronized SortedSet<String> bridges() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(bridges));
  }

  /** vCPUs of running domains. */
  public synchronized int allocatedVcpus() {
    return domains.values().stream().filter(Domain::running).mapToInt(Domain::vcpu).sum();
  }

  /** MiB of running domains. */
  public synchronized long allocatedMemoryMb() {
    return domains.values().stream().filter(Domain::running).mapToLong(Domain::memoryMb).sum();
  }

  /** Takes KVM away (or gives it back), as on a host without /dev/kvm or nested virtualisation. */
  public synchronized void kvm(boolean usable) {
    kvm = usable;
  }

  /**
   * Defines a domain as someone outside Longhaul would (no ownership mark), e.g. an operator by
   * hand: the lab's stand-in for a pre-existing foreign guest.
   */
  public synchronized void defineForeign(String name, int vcpu, long memoryMb) {
    domains.put(
        name,
        new Domain(
            name,
            java.util.UUID.randomUUID().toString(),
            "shut off",
            null,
            vcpu,
            memoryMb,
            true,
            List.of(),
            kvm ? "kvm" : "qemu",
            "",
            List.of()));
    changed();
  }

  public int ovsRestartCount() {
    return ovsRestarts.get();
  }

  /** Every command line received over SSH, in order. */
  public List<String> commandLog() {
    synchronized (commandLog) {
      return List.copyOf(commandLog);
    }
  }

  public void resetCounters() {
    commandLog.clear();
    ovsRestarts.set(0);
  }

  void logCommand(String line) {
    commandLog.add(line);
  }

  void countOvsRestart() {
    ovsRestarts.incrementAndGet();
  }
}
