package io.longhaul.drivers.dialect.mib;

import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.SnmpCredentials;
import io.longhaul.drivers.SwitchTarget;
import io.longhaul.drivers.capability.InterfaceStatus;
import io.longhaul.drivers.capability.LldpNeighbor;
import io.longhaul.drivers.capability.LldpNeighbors;
import io.longhaul.drivers.capability.SwitchInterfaces;
import io.longhaul.drivers.capability.VlanPorts;
import io.longhaul.drivers.transport.snmp.SnmpEndpoint;
import io.longhaul.drivers.transport.snmp.SnmpRow;
import io.longhaul.drivers.transport.snmp.SnmpTransport;
import io.longhaul.drivers.transport.snmp.SnmpValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** A switch read through standard MIBs: interfaces, LLDP neighbours, VLAN egress ports. */
public final class SnmpSwitch implements SwitchInterfaces, LldpNeighbors, VlanPorts {

  private final SnmpTransport snmp;
  private final SnmpEndpoint endpoint;

  public SnmpSwitch(SwitchTarget target, SnmpCredentials credentials, SnmpTransport snmp) {
    this.snmp = snmp;
    this.endpoint = new SnmpEndpoint(target.name(), target.host(), target.snmpPort(), credentials);
  }

  @Override
  public List<InterfaceStatus> interfaces() {
    var names = ifNames();
    var aliases = new HashMap<Integer, String>();
    for (SnmpRow row : snmp.walk(endpoint, List.of(Mibs.IF_ALIAS))) {
      SnmpValue alias = row.get(Mibs.IF_ALIAS);
      if (alias != null) {
        aliases.put(row.indexParts()[0], alias.text());
      }
    }
    var out = new ArrayList<InterfaceStatus>();
    for (SnmpRow row :
        snmp.walk(endpoint, List.of(Mibs.IF_DESCR, Mibs.IF_ADMIN_STATUS, Mibs.IF_OPER_STATUS))) {
      int ifIndex = row.indexParts()[0];
      String name = names.getOrDefault(ifIndex, text(row.get(Mibs.IF_DESCR)));
      out.add(
          new InterfaceStatus(
              name,
              ifIndex,
              number(row.get(Mibs.IF_ADMIN_STATUS)) == 1,
              number(row.get(Mibs.IF_OPER_STATUS)) == 1,
              aliases.getOrDefault(ifIndex, "")));
    }
    return out;
  }

  /** ifIndex → ifName from ifXTable. */
  public SortedMap<Integer, String> ifNames() {
    var names = new TreeMap<Integer, String>();
    for (SnmpRow row : snmp.walk(endpoint, List.of(Mibs.IF_NAME))) {
      SnmpValue name = row.get(Mibs.IF_NAME);
      if (name != null) {
        names.put(row.indexParts()[0], name.text());
      }
    }
    return names;
  }

  @Override
  public List<LldpNeighbor> neighbors() {
    Map<Integer, String> localPorts = new HashMap<>();
    for (SnmpRow row : snmp.walk(endpoint, List.of(Mibs.LLDP_LOC_PORT_ID))) {
      SnmpValue id = row.get(Mibs.LLDP_LOC_PORT_ID);
      if (id != null) {
        localPorts.put(row.indexParts()[0], id.text());
      }
    }
    var out = new ArrayList<LldpNeighbor>();
    for (SnmpRow row :
        snmp.walk(endpoint, List.of(Mibs.LLDP_REM_PORT_ID, Mibs.LLDP_REM_SYS_NAME))) {
      int[] index = row.indexParts(); // timeMark.localPortNum.remIndex
      if (index.length < 3) {
        throw new DeviceException.VerificationFailed(
            endpoint.device(), "snmp walk lldpRemTable", "malformed index " + row.index());
      }
      String local = localPorts.get(index[1]);
      if (local == null) {
        throw new DeviceException.VerificationFailed(
            endpoint.device(), "snmp walk lldpRemTable", "no local port " + index[1]);
      }
      out.add(
          new LldpNeighbor(
              local, text(row.get(Mibs.LLDP_REM_SYS_NAME)), text(row.get(Mibs.LLDP_REM_PORT_ID))));
    }
    return out;
  }

  @Override
  public SortedMap<Integer, SortedSet<String>> vlanPorts() {
    var names = ifNames();
    var out = new TreeMap<Integer, SortedSet<String>>();
    for (SnmpRow row :
        snmp.walk(endpoint, List.of(Mibs.DOT1Q_VLAN_STATIC_NAME, Mibs.DOT1Q_VLAN_STATIC_EGRESS))) {
      int vlan = row.indexParts()[0];
      var ports = new TreeSet<String>();
      SnmpValue egress = row.get(Mibs.DOT1Q_VLAN_STATIC_EGRESS);
      if (egress != null && egress.bytes() != null) {
        for (int ifIndex : portList(egress.bytes())) {
          ports.add(names.getOrDefault(ifIndex, "ifIndex" + ifIndex));
        }
      }
      out.put(vlan, ports);
    }
    return out;
  }

  /** Q-BRIDGE PortList: the first octet's most significant bit is port 1. */
  static List<Integer> portList(byte[] bits) {
    var ports = new ArrayList<Integer>();
    for (int i = 0; i < bits.length; i++) {
      for (int b = 0; b < 8; b++) {
        if ((bits[i] & (0x80 >> b)) != 0) {
          ports.add(i * 8 + b + 1);
        }
      }
    }
    return ports;
  }

  private static String text(SnmpValue v) {
    return v == null ? "" : v.text();
  }

  private static long number(SnmpValue v) {
    return v == null ? 0 : v.number();
  }
}
