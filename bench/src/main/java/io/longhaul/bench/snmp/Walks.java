package io.longhaul.bench.snmp;

import java.util.List;

/** What both sides walk on every switch: all of ifTable and all of lldpRemTable. */
final class Walks {
  private Walks() {}

  static final String IF_TABLE = "1.3.6.1.2.1.2.2";
  static final String LLDP_REM_TABLE = "1.0.8802.1.1.2.1.4.1";

  /** The ifEntry columns the lab's agent (like a switch) implements. */
  static final List<String> IF_COLUMNS =
      List.of(1, 2, 3, 5, 7, 8, 10, 16).stream().map(c -> IF_TABLE + ".1." + c).toList();

  /** lldpRemEntry columns: chassis id subtype and id, port id subtype and id, desc, sysName. */
  static final List<String> LLDP_COLUMNS =
      List.of(4, 5, 6, 7, 8, 9).stream().map(c -> LLDP_REM_TABLE + ".1." + c).toList();
}
