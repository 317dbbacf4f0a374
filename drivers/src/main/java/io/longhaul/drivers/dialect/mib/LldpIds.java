package io.longhaul.drivers.dialect.mib;

import io.longhaul.drivers.Printable;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * LLDP-MIB's chassis and port identifiers, decoded by their subtype (IEEE 802.1AB
 * LldpChassisIdSubtype, LldpPortIdSubtype) into text an operator can read and PostgreSQL can store:
 * MAC addresses as {@code aa:bb:cc:dd:ee:ff}, network addresses by their IANA family, names with
 * control characters (a trailing NUL, say) removed, anything else as hex.
 */
final class LldpIds {
  private LldpIds() {}

  static final int CHASSIS_MAC = 4;
  static final int CHASSIS_NETWORK_ADDRESS = 5;
  static final int CHASSIS_INTERFACE_NAME = 6;
  static final int CHASSIS_LOCAL = 7;

  static final int PORT_INTERFACE_ALIAS = 1;
  static final int PORT_COMPONENT = 2;
  static final int PORT_MAC = 3;
  static final int PORT_NETWORK_ADDRESS = 4;
  static final int PORT_INTERFACE_NAME = 5;
  static final int PORT_AGENT_CIRCUIT_ID = 6;
  static final int PORT_LOCAL = 7;

  /** A chassis id (subtypes 1-3 and 6-7 are text: component, alias, port, name, local). */
  static String chassis(int subtype, byte[] id) {
    return switch (subtype) {
      case CHASSIS_MAC -> mac(id);
      case CHASSIS_NETWORK_ADDRESS -> networkAddress(id);
      default -> text(id);
    };
  }

  static String port(int subtype, byte[] id) {
    return switch (subtype) {
      case PORT_MAC -> mac(id);
      case PORT_NETWORK_ADDRESS -> networkAddress(id);
      case PORT_AGENT_CIRCUIT_ID -> HexFormat.of().formatHex(id);
      default -> text(id);
    };
  }

  /** Whether a port id of this subtype names an interface (rather than a MAC or an address). */
  static boolean namesInterface(int subtype) {
    return subtype == PORT_INTERFACE_NAME
        || subtype == PORT_INTERFACE_ALIAS
        || subtype == PORT_COMPONENT
        || subtype == PORT_LOCAL;
  }

  /** A MAC in the usual colon notation; a value of another length is shown as hex. */
  static String mac(byte[] id) {
    if (id.length != 6) {
      return HexFormat.of().formatHex(id);
    }
    return HexFormat.ofDelimiter(":").formatHex(id);
  }

  /** IANA address family (1 IPv4, 2 IPv6) then the address; anything else as hex. */
  static String networkAddress(byte[] id) {
    if (id.length == 5 && id[0] == 1 || id.length == 17 && id[0] == 2) {
      try {
        byte[] address = java.util.Arrays.copyOfRange(id, 1, id.length);
        return InetAddress.getByAddress(address).getHostAddress();
      } catch (UnknownHostException e) {
        // unreachable for 4 and 16 bytes
      }
    }
    return HexFormat.of().formatHex(id);
  }

  /**
   * Text as agents send it (SnmpAdminString: UTF-8), without control characters: recordings and
   * some agents pad names with NUL, and no control character may reach a name or the database.
   */
  static String text(byte[] id) {
    return Printable.withoutControls(new String(id, java.nio.charset.StandardCharsets.UTF_8));
  }
}
