package io.longhaul.lab.snmp;

import io.longhaul.lab.device.SwitchState;
import java.util.BitSet;
import java.util.TreeMap;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;

/** A snapshot of one switch's MIB objects, built from its live state for each request. */
final class SwitchMib {
  static final OID SYS_DESCR = new OID("1.3.6.1.2.1.1.1.0");
  static final OID SYS_UPTIME = new OID("1.3.6.1.2.1.1.3.0");
  static final OID SYS_NAME = new OID("1.3.6.1.2.1.1.5.0");
  static final OID IF_NUMBER = new OID("1.3.6.1.2.1.2.1.0");
  static final OID IF_ENTRY = new OID("1.3.6.1.2.1.2.2.1");
  static final OID IFX_ENTRY = new OID("1.3.6.1.2.1.31.1.1.1");
  static final OID LLDP_LOC_SYS_NAME = new OID("1.0.8802.1.1.2.1.3.3.0");
  static final OID LLDP_LOC_PORT = new OID("1.0.8802.1.1.2.1.3.7.1");
  static final OID LLDP_REM = new OID("1.0.8802.1.1.2.1.4.1.1");
  static final OID VLAN_STATIC = new OID("1.3.6.1.2.1.17.7.1.4.3.1");

  private SwitchMib() {}

  static TreeMap<OID, Variable> build(SwitchState s) {
    TreeMap<OID, Variable> m = new TreeMap<>();
    long now = System.currentTimeMillis();
    long upMs = now - s.bootMillis();
    var ifs = s.interfaces();
    m.put(
        SYS_DESCR,
        new OctetString(
            s.dialect().equals("nxos")
                ? "Cisco NX-OS(tm) nxos.9.3.8.bin, Software (nxos)"
                : "Arista Networks EOS version 4.28.3M running on an Arista DCS-7050SX3-48YC8"));
    m.put(SYS_UPTIME, new TimeTicks(upMs / 10));
    m.put(SYS_NAME, new OctetString(s.name()));
    m.put(IF_NUMBER, new Integer32(ifs.size()));
    m.put(LLDP_LOC_SYS_NAME, new OctetString(s.name()));
    for (SwitchState.InterfaceInfo i : ifs) {
      int x = i.index();
      boolean fast = s.spec().isSpine() || x > s.spec().interfaceCount() - 6;
      put(m, IF_ENTRY, 1, x, new Integer32(x));
      put(m, IF_ENTRY, 2, x, new OctetString(i.name()));
      put(m, IF_ENTRY, 3, x, new Integer32(6)); // ethernetCsmacd
      put(m, IF_ENTRY, 5, x, new Gauge32(fast ? 4_294_967_295L : 4_294_967_295L));
      put(m, IF_ENTRY, 7, x, new Integer32(i.adminUp() ? 1 : 2));
      put(m, IF_ENTRY, 8, x, new Integer32(i.operUp() ? 1 : 2));
      long rate = i.operUp() ? 1_000L + 37L * x : 0;
      put(
          m,
          IF_ENTRY,
          10,
          x,
          new Counter32((x * 1_000_003L + upMs * rate / 1000 * 3) & 0xFFFFFFFFL));
      put(
          m,
          IF_ENTRY,
          16,
          x,
          new Counter32((x * 2_000_003L + upMs * rate / 1000 * 2) & 0xFFFFFFFFL));
      put(m, IFX_ENTRY, 1, x, new OctetString(i.name()));
      put(m, IFX_ENTRY, 15, x, new Gauge32(fast ? 100_000 : 25_000));
      put(m, IFX_ENTRY, 18, x, new OctetString(i.description() == null ? "" : i.description()));
      put(m, LLDP_LOC_PORT, 2, x, new Integer32(5)); // interfaceName
      put(m, LLDP_LOC_PORT, 3, x, new OctetString(i.name()));
      put(m, LLDP_LOC_PORT, 4, x, new OctetString(i.description() == null ? "" : i.description()));
      if (i.peer() != null) {
        OID idx = new OID(new int[] {0, x, 1});
        m.put(col(LLDP_REM, 4, idx), new Integer32(7)); // chassis id subtype: local
        m.put(col(LLDP_REM, 5, idx), new OctetString(i.peer().device()));
        m.put(col(LLDP_REM, 6, idx), new Integer32(5)); // port id subtype: interfaceName
        m.put(col(LLDP_REM, 7, idx), new OctetString(i.peer().port()));
        m.put(col(LLDP_REM, 8, idx), new OctetString(i.peer().port()));
        m.put(col(LLDP_REM, 9, idx), new OctetString(i.peer().device()));
      }
    }
    int bytes = (ifs.size() + 7) / 8;
    for (SwitchState.VlanInfo v : s.vlanTable()) {
      put(m, VLAN_STATIC, 1, v.id(), new OctetString(v.name()));
      put(m, VLAN_STATIC, 2, v.id(), new OctetString(portList(v.ports(), bytes)));
      put(m, VLAN_STATIC, 5, v.id(), new Integer32(1)); // active
    }
    return m;
  }

  /** PortList: bit n (1-based, most significant bit of the first octet first) = ifIndex n. */
  static byte[] portList(BitSet ports, int bytes) {
    byte[] out = new byte[bytes];
    ports.stream()
        .filter(n -> n >= 1 && n <= bytes * 8)
        .forEach(n -> out[(n - 1) / 8] |= (byte) (0x80 >>> ((n - 1) % 8)));
    return out;
  }

  private static void put(TreeMap<OID, Variable> m, OID entry, int column, int index, Variable v) {
    m.put(col(entry, column, new OID(new int[] {index})), v);
  }

  private static OID col(OID entry, int column, OID index) {
    OID o = new OID(entry);
    o.append(column);
    o.append(index);
    return o;
  }
}
