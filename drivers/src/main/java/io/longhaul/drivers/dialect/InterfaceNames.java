package io.longhaul.drivers.dialect;

import io.longhaul.drivers.Dialect;

/** Expands the abbreviations show commands print ({@code Eth1/1}, {@code Et1}, {@code Po10}). */
public final class InterfaceNames {
  private InterfaceNames() {}

  public static String canonical(Dialect dialect, String name) {
    String n = name.strip();
    return switch (dialect) {
      case NXOS -> expand(n, "Ethernet", "Eth", "Ethernet", "Po", "port-channel", "mgmt", "mgmt");
      case EOS -> expand(n, "Ethernet", "Et", "Ethernet", "Po", "Port-Channel", "Vx", "Vxlan");
      case KVM -> n;
    };
  }

  private static String expand(String n, String... pairs) {
    if (n.startsWith(pairs[0]) || n.startsWith("port-channel") || n.startsWith("Port-Channel")) {
      return n;
    }
    for (int i = 1; i + 1 < pairs.length; i += 2) {
      String abbrev = pairs[i];
      if (n.startsWith(abbrev)
          && n.length() > abbrev.length()
          && Character.isDigit(n.charAt(abbrev.length()))) {
        return pairs[i + 1] + n.substring(abbrev.length());
      }
    }
    return n;
  }
}
