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
        aliases.put(row.indexParts()[0], LldpIds.text(bytes(alias)));
      }
    }
    var out = new ArrayList<InterfaceStatus>();
    for (SnmpRow row :
        snmp.walk(endpoint, List.of(Mibs.IF_DESCR, Mibs.IF_ADMIN_STATUS, Mibs.IF_OPER_STATUS))) {
      int ifIndex = row.indexParts()[0];
      String name = names.getOrDefault(ifIndex, clean(row.get(Mibs.IF_DESCR)));
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
        names.put(row.indexParts()[0], LldpIds.text(bytes(name)));
      }
    }
    return names;
  }

  /**
   * lldpRemTable joined to lldpLocPortTable, ids decoded by subtype. A port id that is no interface
   * name (lldpd on Linux sends the NIC's MAC) gives way to the port description, which then names
   * the interface; the rows' lldpRemTimeMark (TimeTicks) is unsigned, and may exceed 2^31 after
   * ~248 days of uptime.
   */
  @Override
  public List<LldpNeighbor> neighbors() {
    Map<Long, String> localPorts = new HashMap<>();
    for (SnmpRow row :
        snmp.walk(
            endpoint,
            List.of(
                Mibs.LLDP_LOC_PORT_ID_SUBTYPE, Mibs.LLDP_LOC_PORT_ID, Mibs.LLDP_LOC_PORT_DESC))) {
      String port =
          portName(
              row.get(Mibs.LLDP_LOC_PORT_ID_SUBTYPE),
              row.get(Mibs.LLDP_LOC_PORT_ID),
              row.get(Mibs.LLDP_LOC_PORT_DESC));
      if (!port.isEmpty()) {
        localPorts.put(row.unsignedIndexParts()[0], port);
      }
    }
    var out = new ArrayList<LldpNeighbor>();
    for (SnmpRow row :
        snmp.walk(
            endpoint,
            List.of(
                Mibs.LLDP_REM_PORT_ID_SUBTYPE,
                Mibs.LLDP_REM_PORT_ID,
                Mibs.LLDP_REM_PORT_DESC,
                Mibs.LLDP_REM_SYS_NAME))) {
      long[] index = row.unsignedIndexParts(); // timeMark.localPortNum.remIndex
      if (index.length < 3) {
        throw new DeviceException.VerificationFailed(
            endpoint.device(), "snmp walk lldpRemTable", "malformed index " + row.index());
      }
      String local = localPorts.get(index[1]);
      if (local == null) {
        throw new DeviceException.VerificationFailed(
            endpoint.device(), "snmp walk lldpRemTable", "no local port " + index[1]);
      }
      SnmpValue sysName = row.get(Mibs.LLDP_REM_SYS_NAME);
      out.add(
          new LldpNeighbor(
              local,
              sysName == null ? "" : LldpIds.text(bytes(sysName)),
              portName(
                  row.get(Mibs.LLDP_REM_PORT_ID_SUBTYPE),
                  row.get(Mibs.LLDP_REM_PORT_ID),
                  row.get(Mibs.LLDP_REM_PORT_DESC))));
    }
    return out;
  }

  /** A port's interface name from its id (by subtype), else from its description. */
  static String portName(SnmpValue subtype, SnmpValue id, SnmpValue description) {
    int kind = subtype == null ? LldpIds.PORT_INTERFACE_NAME : subtype.asInt();
    String decoded = id == null ? "" : LldpIds.port(kind, bytes(id));
    if (LldpIds.namesInterface(kind) && !decoded.isEmpty()) {
      return decoded;
    }
    String described = description == null ? "" : LldpIds.text(bytes(description));
    return described.isEmpty() ? decoded : described;
  }

  private static byte[] bytes(SnmpValue v) {
    return v.bytes() != null
        ? v.bytes()
        : v.text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
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

  /** A DisplayString without the control characters some agents pad it with. */
  private static String clean(SnmpValue v) {
    return v == null ? "" : LldpIds.text(bytes(v));
  }

  private static long number(SnmpValue v) {
    return v == null ? 0 : v.number();
  }
}
