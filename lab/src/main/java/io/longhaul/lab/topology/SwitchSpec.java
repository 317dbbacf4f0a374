package io.longhaul.lab.topology;

/**
 * A switch. {@code role} is {@code leaf} or {@code spine}; {@code dialect} is {@code nxos} or
 * {@code eos}; {@code leafPair} names the pair a leaf belongs to (null for spines).
 */
public record SwitchSpec(
    String name, String role, String dialect, String leafPair, int interfaceCount) {

  public static final String LEAF = "leaf";
  public static final String SPINE = "spine";
  public static final String NXOS = "nxos";
  public static final String EOS = "eos";

  public boolean isLeaf() {
    return LEAF.equals(role);
  }

  public boolean isSpine() {
    return SPINE.equals(role);
  }

  /** The dialect's name for interface number {@code n} (1-based). */
  public String interfaceName(int n) {
    return interfaceName(dialect, n);
  }

  public static String interfaceName(String dialect, int n) {
    return NXOS.equals(dialect) ? "Ethernet1/" + n : "Ethernet" + n;
  }

  /**
   * The interface number of a name in this dialect ({@code Ethernet1/5}, or {@code Ethernet5},
   * case-insensitive, with the usual abbreviations {@code Eth1/5}, {@code Et5}, {@code e1/5}), or
   * -1 when the name is not one of this switch's interfaces.
   */
  public int interfaceNumber(String name) {
    return interfaceNumber(dialect, interfaceCount, name);
  }

  public static int interfaceNumber(String dialect, int count, String name) {
    if (name == null) {
      return -1;
    }
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    String rest = null;
    for (String prefix : new String[] {"ethernet", "eth", "et", "e"}) {
      if (lower.startsWith(prefix)) {
        rest = lower.substring(prefix.length());
        break;
      }
    }
    if (rest == null) {
      return -1;
    }
    if (NXOS.equals(dialect)) {
      if (!rest.startsWith("1/")) {
        return -1;
      }
      rest = rest.substring(2);
    }
    if (rest.isEmpty() || rest.length() > 4 || !rest.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    int n = Integer.parseInt(rest);
    return n >= 1 && n <= count ? n : -1;
  }

  /** The short form used in tables: {@code Eth1/5} (NX-OS) or {@code Et5} (EOS). */
  public static String shortName(String dialect, int n) {
    return NXOS.equals(dialect) ? "Eth1/" + n : "Et" + n;
  }
}
