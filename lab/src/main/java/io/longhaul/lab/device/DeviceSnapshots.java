package io.longhaul.lab.device;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A device's configuration as a JSON document, and back: a switch's running and startup config
 * (VLANs with names and VNIs; every port's description, mode, access VLAN, trunk VLANs, shutdown)
 * and its checkpoints; a hypervisor's libvirt domains, OVS bridges and ports. What a real device
 * keeps across a restart of whatever manages it; counters, command logs, sessions and service
 * states (faults) are not kept.
 */
public final class DeviceSnapshots {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DeviceSnapshots() {}

  /** A port; {@code allowed} is the trunk's VLAN list as the switch prints it ({@code none}). */
  record PortDoc(String description, String mode, int accessVlan, String allowed, boolean up) {}

  record VlanDoc(int id, String name, Integer vni) {}

  record ConfigDoc(List<VlanDoc> vlans, List<PortDoc> ports) {}

  record SwitchDoc(
      String name,
      String dialect,
      ConfigDoc running,
      ConfigDoc startup,
      Map<String, ConfigDoc> checkpoints) {}

  record OvsPortDoc(String bridge, String ifaceId) {}

  record HypervisorDoc(
      String name,
      List<HypervisorState.Domain> domains,
      List<String> bridges,
      Map<String, OvsPortDoc> ports,
      int nextId,
      Map<String, Map<String, HypervisorState.Volume>> pools) {}

  /** The switch's configuration, taken under its lock. */
  public static String of(SwitchState s) {
    synchronized (s) {
      Map<String, ConfigDoc> cps = new TreeMap<>();
      s.checkpoints.forEach((k, v) -> cps.put(k, doc(v)));
      return write(new SwitchDoc(s.name(), s.dialect(), doc(s.running), doc(s.startup), cps));
    }
  }

  /** The hypervisor's domains, bridges, OVS ports and storage volumes, taken under its lock. */
  public static String of(HypervisorState h) {
    synchronized (h) {
      Map<String, OvsPortDoc> ports = new TreeMap<>();
      h.ports.forEach((k, v) -> ports.put(k, new OvsPortDoc(v[0], v[1])));
      return write(
          new HypervisorDoc(
              h.name(),
              new ArrayList<>(h.domains.values()),
              new ArrayList<>(h.bridges),
              ports,
              h.nextId,
              new TreeMap<>(h.pools)));
    }
  }

  /**
   * Puts a saved configuration back. Refused (IllegalArgumentException, nothing changed) when it is
   * another device's or does not fit this one (another dialect or port count: the topology
   * changed).
   */
  public static void restore(SwitchState s, String json) {
    SwitchDoc d = read(json, SwitchDoc.class);
    int ports = s.spec().interfaceCount();
    if (!s.name().equals(d.name()) || !s.dialect().equals(d.dialect())) {
      throw new IllegalArgumentException("saved for " + d.name() + " (" + d.dialect() + ")");
    }
    SwitchConfig running = config(s, d.running(), ports);
    SwitchConfig startup = config(s, d.startup(), ports);
    Map<String, SwitchConfig> cps = new LinkedHashMap<>();
    d.checkpoints().forEach((k, v) -> cps.put(k, config(s, v, ports)));
    synchronized (s) {
      s.running = running;
      s.startup = startup;
      s.checkpoints.clear();
      s.checkpoints.putAll(cps);
    }
  }

  /**
   * Puts saved domains, bridges, OVS ports and storage volumes back; refused when saved for another
   * device.
   */
  public static void restore(HypervisorState h, String json) {
    HypervisorDoc d = read(json, HypervisorDoc.class);
    if (!h.name().equals(d.name())) {
      throw new IllegalArgumentException("saved for " + d.name());
    }
    synchronized (h) {
      h.domains.clear();
      d.domains().forEach(x -> h.domains.put(x.name(), x));
      h.bridges.clear();
      h.bridges.addAll(d.bridges());
      h.ports.clear();
      d.ports().forEach((k, v) -> h.ports.put(k, new String[] {v.bridge(), v.ifaceId()}));
      h.nextId = d.nextId();
      if (d.pools() != null) { // saved before hosts had storage pools: keep the prepared one
        h.pools.clear();
        d.pools().forEach((pool, volumes) -> h.pools.put(pool, new TreeMap<>(volumes)));
      }
    }
  }

  private static ConfigDoc doc(SwitchConfig c) {
    List<VlanDoc> vlans = new ArrayList<>();
    c.vlans.forEach((id, v) -> vlans.add(new VlanDoc(id, v.name, v.vni)));
    List<PortDoc> ports = new ArrayList<>();
    for (int i = 1; i < c.ports.length; i++) {
      SwitchConfig.Port p = c.ports[i];
      ports.add(
          new PortDoc(
              p.description, p.mode.name(), p.accessVlan, VlanSet.format(p.allowed), p.adminUp));
    }
    return new ConfigDoc(vlans, ports);
  }

  private static SwitchConfig config(SwitchState s, ConfigDoc d, int portCount) {
    if (d.ports().size() != portCount) {
      throw new IllegalArgumentException(
          "saved with " + d.ports().size() + " ports, the topology gives " + portCount);
    }
    SwitchConfig c = new SwitchConfig(s.name(), s.dialect(), portCount);
    c.vlans.clear();
    d.vlans().forEach(v -> c.vlans.put(v.id(), new SwitchConfig.Vlan(v.name(), v.vni())));
    for (int i = 1; i <= portCount; i++) {
      PortDoc p = d.ports().get(i - 1);
      SwitchConfig.Port port = c.ports[i];
      port.description = p.description();
      port.mode = SwitchConfig.Mode.valueOf(p.mode());
      port.accessVlan = p.accessVlan();
      port.allowed = "none".equals(p.allowed()) ? new BitSet() : VlanSet.parse(p.allowed());
      if (port.allowed == null) {
        throw new IllegalArgumentException("port " + i + " has a bad VLAN list " + p.allowed());
      }
      port.adminUp = p.up();
    }
    return c;
  }

  private static String write(Object doc) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a device snapshot", e);
    }
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a device snapshot: " + e.getOriginalMessage(), e);
    }
  }
}
