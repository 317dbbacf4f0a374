package io.longhaul.lab.topology;

/** IPv4 CIDR checks, just enough to validate network definitions. */
final class Cidr {
  private Cidr() {}

  static String problem(String cidr, String gateway) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      return "cidr '" + cidr + "' needs a prefix length";
    }
    long net = ipv4(cidr.substring(0, slash));
    int len;
    try {
      len = Integer.parseInt(cidr.substring(slash + 1));
    } catch (NumberFormatException e) {
      len = -1;
    }
    if (net < 0 || len < 0 || len > 32) {
      return "bad cidr '" + cidr + "'";
    }
    long mask = len == 0 ? 0 : (0xFFFFFFFFL << (32 - len)) & 0xFFFFFFFFL;
    if ((net & ~mask & 0xFFFFFFFFL) != 0) {
      return "cidr '" + cidr + "' has host bits set";
    }
    long gw = ipv4(gateway);
    if (gw < 0) {
      return "bad gateway '" + gateway + "'";
    }
    if ((gw & mask) != net) {
      return "gateway " + gateway + " is outside " + cidr;
    }
    return null;
  }

  static long ipv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return -1;
    }
    long v = 0;
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
        return -1;
      }
      int o = Integer.parseInt(p);
      if (o > 255) {
        return -1;
      }
      v = (v << 8) | o;
    }
    return v;
  }
}
