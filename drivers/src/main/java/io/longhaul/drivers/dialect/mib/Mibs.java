package io.longhaul.drivers.dialect.mib;

/** Column OIDs the drivers read. */
final class Mibs {
  private Mibs() {}

  static final String IF_DESCR = "1.3.6.1.2.1.2.2.1.2";
  static final String IF_ADMIN_STATUS = "1.3.6.1.2.1.2.2.1.7";
  static final String IF_OPER_STATUS = "1.3.6.1.2.1.2.2.1.8";
  static final String IF_NAME = "1.3.6.1.2.1.31.1.1.1.1";
  static final String IF_ALIAS = "1.3.6.1.2.1.31.1.1.1.18";
  static final String LLDP_LOC_PORT_ID_SUBTYPE = "1.0.8802.1.1.2.1.3.7.1.2";
  static final String LLDP_LOC_PORT_ID = "1.0.8802.1.1.2.1.3.7.1.3";
  static final String LLDP_LOC_PORT_DESC = "1.0.8802.1.1.2.1.3.7.1.4";
  static final String LLDP_REM_CHASSIS_ID_SUBTYPE = "1.0.8802.1.1.2.1.4.1.1.4";
  static final String LLDP_REM_CHASSIS_ID = "1.0.8802.1.1.2.1.4.1.1.5";
  static final String LLDP_REM_PORT_ID_SUBTYPE = "1.0.8802.1.1.2.1.4.1.1.6";
  static final String LLDP_REM_PORT_ID = "1.0.8802.1.1.2.1.4.1.1.7";
  static final String LLDP_REM_PORT_DESC = "1.0.8802.1.1.2.1.4.1.1.8";
  static final String LLDP_REM_SYS_NAME = "1.0.8802.1.1.2.1.4.1.1.9";
  static final String DOT1Q_VLAN_STATIC_NAME = "1.3.6.1.2.1.17.7.1.4.3.1.1";
  static final String DOT1Q_VLAN_STATIC_EGRESS = "1.3.6.1.2.1.17.7.1.4.3.1.2";
}
