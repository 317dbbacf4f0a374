package io.longhaul.lab.device;

import io.longhaul.lab.topology.SwitchSpec;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live state of one simulated switch, shared by its CLI (SSH) and its SNMP agent. Tests use it
 * to prove what did or did not reach the device.
 */
public final class SwitchState {

  /** One interface as SNMP and the show commands see it. */
  public record InterfaceInfo(
      int index,
      String name,
      String description,
      boolean adminUp,
      boolean operUp,
      String mode,
      List<Integer> vlans,
      Cabling.End peer) {}

  /** One VLAN: its name, VNI (null when not mapped) and the ifIndexes that carry it. */
  public record VlanInfo(int id, String name, Integer vni, BitSet ports) {}

  private final SwitchSpec spec;
  private final String siteCode;
  private final Cabling cabling;
  private final LinkFaults linkFaults;
  SwitchConfig running;
  SwitchConfig startup;
  final Map<String, SwitchConfig> checkpoints = new HashMap<>();
  final Map<String, SwitchConfig> sessions = new HashMap<>();
  private final AtomicInteger configSessions = new AtomicInteger();
  private final AtomicInteger commits = new AtomicInteger();
  private final AtomicInteger changes = new AtomicInteger();
  private final List<String> commandLog = Collections.synchronizedList(new ArrayList<>());
  private final long bootMillis = System.currentTimeMillis();

  public SwitchState(SwitchSpec spec, String siteCode, Cabling cabling, LinkFaults linkFaults) {
    this.spec = spec;
    this.siteCode = siteCode;
    this.cabling = cabling;
    this.linkFaults = linkFaults;
    this.running = new SwitchConfig(spec.name(), spec.dialect(), spec.interfaceCount());
    this.startup = running.copy();
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

  public String dialect() {
    return spec.dialect();
  }

  public SwitchSpec spec() {
    return spec;
  }

  public String siteCode() {
    return siteCode;
  }

  public long bootMillis() {
    return bootMillis;
  }

  /** The running configuration as {@code show running-config} prints it, without the header. */
  public synchronized String runningConfig() {
    return running.render();
  }

  public synchronized String startupConfig() {
    return startup.render();
  }

  /** VLAN id to VNI (null value when the VLAN has no VNI), in VLAN order. */
  public synchronized SortedMap<Integer, Integer> vlans() {
    return Collections.unmodifiableSortedMap(new TreeMap<>(running.vniMap()));
  }

  /**
   * VLANs allowed on a trunk interface (any accepted spelling: Ethernet1/5, Eth1/5, Et5), empty
   * when the interface is not a trunk.
   */
  public synchronized SortedSet<Integer> trunkVlans(String interfaceName) {
    int n = portNumber(interfaceName);
    SwitchConfig.Port p = running.ports[n];
    if (p.mode != SwitchConfig.Mode.TRUNK) {
      return Collections.emptySortedSet();
    }
    return Collections.unmodifiableSortedSet(VlanSet.toSet(p.allowed));
  }

  public synchronized String description(String interfaceName) {
    return running.ports[portNumber(interfaceName)].description;
  }

  /** Times a configuration session was opened (NX-OS configure terminal; EOS configure session). */
  public int configSessionCount() {
    return configSessions.get();
  }

  /** EOS session commits, plus NX-OS configuration-mode exits that changed the running config. */
  public int commitCount() {
    return commits.get();
  }

  /** Configuration commands that changed the running config (EOS: counted at commit). */
  public int changeCount() {
    return changes.get();
  }

  /** Every command line received over SSH, in order, as received (trimmed). */
  public List<String> commandLog() {
    synchronized (commandLog) {
      return List.copyOf(commandLog);
    }
  }

  public void resetCounters() {
    configSessions.set(0);
    commits.set(0);
    changes.set(0);
    commandLog.clear();
  }

  /** The interfaces with their live status, for SNMP and show commands. */
  public synchronized List<InterfaceInfo> interfaces() {
    List<InterfaceInfo> out = new ArrayList<>(running.portCount());
    for (int i = 1; i <= running.portCount(); i++) {
      SwitchConfig.Port p = running.ports[i];
      String ifName = running.ifName(i);
      Cabling.End peer = cabling.peer(spec.name(), ifName);
      boolean oper = p.adminUp && peer != null && !linkFaults.isLinkDown(spec.name(), ifName);
      out.add(
          new InterfaceInfo(
              i,
              ifName,
              p.description,
              p.adminUp,
              oper,
              p.mode.name().toLowerCase(java.util.Locale.ROOT),
              running.carriedVlans(i),
              oper ? peer : null));
    }
    return out;
  }

  public synchronized List<VlanInfo> vlanTable() {
    List<VlanInfo> out = new ArrayList<>();
    for (Map.Entry<Integer, SwitchConfig.Vlan> e : running.vlans.entrySet()) {
      BitSet ports = new BitSet();
      for (int i = 1; i <= running.portCount(); i++) {
        if (running.carriedVlans(i).contains(e.getKey())) {
          ports.set(i);
        }
      }
      out.add(new VlanInfo(e.getKey(), running.vlanName(e.getKey()), e.getValue().vni, ports));
    }
    return out;
  }

  int portNumber(String interfaceName) {
    int n = spec.interfaceNumber(interfaceName);
    if (n < 0) {
      throw new IllegalArgumentException(spec.name() + " has no interface " + interfaceName);
    }
    return n;
  }

  // --- used by the CLIs and the lab (same package / lab bootstrap) ---

  void logCommand(String line) {
    commandLog.add(line);
  }

  void countConfigSession() {
    configSessions.incrementAndGet();
  }

  void countCommit() {
    commits.incrementAndGet();
  }

  void countChanges(int n) {
    changes.addAndGet(n);
  }

  /** Lab bootstrap: apply the initial configuration (VLANs, cabled-port descriptions). */
  public synchronized void bootstrapVlan(int vlan, String name, Integer vni) {
    running.vlans.put(vlan, new SwitchConfig.Vlan(name, vni));
    startup = running.copy();
  }

  /** Lab bootstrap: a host-facing trunk carrying no VLAN yet. */
  public synchronized void bootstrapHostPort(String interfaceName, String description) {
    SwitchConfig.Port p = running.ports[portNumber(interfaceName)];
    p.description = description;
    p.mode = SwitchConfig.Mode.TRUNK;
    p.allowed = new BitSet();
    startup = running.copy();
  }

  /** Lab bootstrap: a routed fabric link. */
  public synchronized void bootstrapFabricPort(String interfaceName, String description) {
    SwitchConfig.Port p = running.ports[portNumber(interfaceName)];
    p.description = description;
    p.mode = SwitchConfig.Mode.ROUTED;
    startup = running.copy();
  }

  Cabling.End peerOf(int port) {
    return cabling.peer(spec.name(), running.ifName(port));
  }

  boolean linkDown(int port) {
    return linkFaults.isLinkDown(spec.name(), running.ifName(port));
  }
}
