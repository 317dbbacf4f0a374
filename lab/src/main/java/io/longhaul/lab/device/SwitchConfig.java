package io.longhaul.lab.device;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A switch's configuration model (mutable, copyable); rendered per dialect. */
final class SwitchConfig {

  enum Mode {
    ACCESS,
    TRUNK,
    ROUTED
  }

  static final class Vlan {
    String name;
    Integer vni;

    Vlan(String name, Integer vni) {
      this.name = name;
      this.vni = vni;
    }
  }

  static final class Port {
    String description;
    Mode mode = Mode.ACCESS;
    int accessVlan = 1;
    BitSet allowed = VlanSet.all();
    boolean adminUp = true;

    Port copy() {
      Port p = new Port();
      p.description = description;
      p.mode = mode;
      p.accessVlan = accessVlan;
      p.allowed = (BitSet) allowed.clone();
      p.adminUp = adminUp;
      return p;
    }
  }

  final String hostname;
  final String dialect;
  final TreeMap<Integer, Vlan> vlans = new TreeMap<>();
  final Port[] ports;

  SwitchConfig(String hostname, String dialect, int portCount) {
    this.hostname = hostname;
    this.dialect = dialect;
    this.ports = new Port[portCount + 1];
    for (int i = 1; i <= portCount; i++) {
      ports[i] = new Port();
    }
    vlans.put(1, new Vlan("default", null));
  }

  SwitchConfig copy() {
    SwitchConfig c = new SwitchConfig(hostname, dialect, ports.length - 1);
    c.vlans.clear();
    vlans.forEach((k, v) -> c.vlans.put(k, new Vlan(v.name, v.vni)));
    for (int i = 1; i < ports.length; i++) {
      c.ports[i] = ports[i].copy();
    }
    return c;
  }

  int portCount() {
    return ports.length - 1;
  }

  String vlanName(int id) {
    Vlan v = vlans.get(id);
    if (v == null) {
      return null;
    }
    return v.name != null ? v.name : String.format("VLAN%04d", id);
  }

  Map<Integer, Integer> vniMap() {
    Map<Integer, Integer> m = new TreeMap<>();
    vlans.forEach((k, v) -> m.put(k, v.vni));
    return m;
  }

  String ifName(int n) {
    return io.longhaul.lab.topology.SwitchSpec.interfaceName(dialect, n);
  }

  String render() {
    return io.longhaul.lab.topology.SwitchSpec.NXOS.equals(dialect) ? renderNxos() : renderEos();
  }

  private String renderNxos() {
    StringBuilder sb = new StringBuilder();
    sb.append("version 9.3(8) Bios:version 05.45\n");
    sb.append("hostname ").append(hostname).append('\n');
    sb.append("feature lldp\nfeature nv overlay\nfeature vn-segment-vlan-based\n\n");
    BitSet ids = new BitSet();
    vlans.keySet().forEach(ids::set);
    sb.append("vlan ").append(VlanSet.format(ids)).append('\n');
    vlans.forEach(
        (id, v) -> {
          if (id == 1 || (v.name == null && v.vni == null)) {
            return;
          }
          sb.append("vlan ").append(id).append('\n');
          if (v.name != null) {
            sb.append("  name ").append(v.name).append('\n');
          }
          if (v.vni != null) {
            sb.append("  vn-segment ").append(v.vni).append('\n');
          }
        });
    sb.append('\n');
    for (int i = 1; i < ports.length; i++) {
      Port p = ports[i];
      sb.append("interface ").append(ifName(i)).append('\n');
      if (p.description != null) {
        sb.append("  description ").append(p.description).append('\n');
      }
      switch (p.mode) {
        case ROUTED -> sb.append("  no switchport\n");
        case TRUNK -> {
          sb.append("  switchport mode trunk\n");
          if (!VlanSet.isAll(p.allowed)) {
            sb.append("  switchport trunk allowed vlan ")
                .append(VlanSet.format(p.allowed))
                .append('\n');
          }
        }
        case ACCESS -> {
          if (p.accessVlan != 1) {
            sb.append("  switchport access vlan ").append(p.accessVlan).append('\n');
          }
        }
      }
      if (!p.adminUp) {
        sb.append("  shutdown\n");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private String renderEos() {
    StringBuilder sb = new StringBuilder();
    sb.append("hostname ").append(hostname).append("\n!\n");
    sb.append("spanning-tree mode mstp\n!\n");
    vlans.forEach(
        (id, v) -> {
          if (id == 1) {
            return;
          }
          sb.append("vlan ").append(id).append('\n');
          if (v.name != null) {
            sb.append("   name ").append(v.name).append('\n');
          }
          sb.append("!\n");
        });
    for (int i = 1; i < ports.length; i++) {
      Port p = ports[i];
      sb.append("interface ").append(ifName(i)).append('\n');
      if (p.description != null) {
        sb.append("   description ").append(p.description).append('\n');
      }
      switch (p.mode) {
        case ROUTED -> sb.append("   no switchport\n");
        case TRUNK -> {
          if (!VlanSet.isAll(p.allowed)) {
            sb.append("   switchport trunk allowed vlan ")
                .append(VlanSet.format(p.allowed))
                .append('\n');
          }
          sb.append("   switchport mode trunk\n");
        }
        case ACCESS -> {
          if (p.accessVlan != 1) {
            sb.append("   switchport access vlan ").append(p.accessVlan).append('\n');
          }
        }
      }
      if (!p.adminUp) {
        sb.append("   shutdown\n");
      }
      sb.append("!\n");
    }
    sb.append("interface Vxlan1\n   vxlan source-interface Loopback1\n   vxlan udp-port 4789\n");
    vlans.forEach(
        (id, v) -> {
          if (v.vni != null) {
            sb.append("   vxlan vlan ").append(id).append(" vni ").append(v.vni).append('\n');
          }
        });
    sb.append("!\n");
    return sb.toString();
  }

  /** VLAN ids a port carries (trunk: allowed and existing; access: its VLAN; routed: none). */
  List<Integer> carriedVlans(int port) {
    Port p = ports[port];
    List<Integer> out = new ArrayList<>();
    switch (p.mode) {
      case TRUNK -> vlans.keySet().stream().filter(p.allowed::get).forEach(out::add);
      case ACCESS -> {
        if (vlans.containsKey(p.accessVlan)) {
          out.add(p.accessVlan);
        }
      }
      case ROUTED -> {}
    }
    return out;
  }
}
