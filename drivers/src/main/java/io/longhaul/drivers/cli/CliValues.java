package io.longhaul.drivers.cli;

import io.longhaul.drivers.DeviceException.InvalidParameter;
import io.longhaul.drivers.Dialect;
import io.longhaul.drivers.Printable;
import java.util.regex.Pattern;

/**
 * Allow-lists for every value interpolated into a device command. Each check throws {@link
 * InvalidParameter} naming the device, so a bad value fails before any connection is opened.
 * Patterns are anchored and ASCII-only: anything not explicitly allowed (newlines, Unicode line
 * separators, shell or CLI metacharacters) is refused.
 */
public final class CliValues {
  private CliValues() {}

  public static final int MAX_VLAN = 4094;
  public static final int MAX_VNI = 16_777_215;
  public static final int MAX_DESCRIPTION = 80;

  private static final Pattern NXOS_INTERFACE =
      Pattern.compile(
          "Ethernet[1-9][0-9]{0,2}/[1-9][0-9]{0,2}(/[1-9][0-9]?)?|port-channel[1-9][0-9]{0,3}|nve1");
  private static final Pattern EOS_INTERFACE =
      Pattern.compile("Ethernet[1-9][0-9]{0,2}(/[1-4])?|Port-Channel[1-9][0-9]{0,3}|Vxlan1");
  private static final Pattern CHANGE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");
  private static final Pattern DESCRIPTION =
      Pattern.compile("([A-Za-z0-9._:/,()@+=-]+( [A-Za-z0-9._:/,()@+=-]+)*)?");
  private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  private static final Pattern OVS_PORT = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,14}");
  private static final Pattern IFACE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");
  private static final Pattern BRIDGE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,14}");
  private static final Pattern VOLUME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
  private static final Pattern POOL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");
  private static final Pattern OWNER_FIELD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");

  /** A switch interface in the dialect's own spelling. */
  public static String interfaceName(String device, Dialect dialect, String name) {
    var pattern =
        switch (dialect) {
          case NXOS -> NXOS_INTERFACE;
          case EOS -> EOS_INTERFACE;
          case KVM -> throw new InvalidParameter(device, "interface", "KVM has no switch ports");
        };
    return require(device, "interface", name, pattern, "an " + dialect + " interface name");
  }

  public static int vlan(String device, int vlan) {
    if (vlan < 1 || vlan > MAX_VLAN) {
      throw new InvalidParameter(device, "vlan", vlan + " is outside 1-" + MAX_VLAN);
    }
    return vlan;
  }

  public static int vni(String device, int vni) {
    if (vni < 1 || vni > MAX_VNI) {
      throw new InvalidParameter(device, "vni", vni + " is outside 1-" + MAX_VNI);
    }
    return vni;
  }

  /** Interface descriptions: printable ASCII without CLI metacharacters, bounded length. */
  public static String description(String device, String text) {
    if (text != null && text.length() > MAX_DESCRIPTION) {
      throw new InvalidParameter(device, "description", "longer than " + MAX_DESCRIPTION);
    }
    return require(
        device,
        "description",
        text,
        DESCRIPTION,
        "letters, digits, single inner spaces, ._:/,()@+=-");
  }

  /** A change id, used in checkpoint and configuration-session names ({@code lh-<id>}). */
  public static String changeId(String device, String changeId) {
    return require(device, "changeId", changeId, CHANGE_ID, "1-40 of [A-Za-z0-9_-]");
  }

  public static String domainName(String device, String name) {
    return require(device, "domain", name, DOMAIN, "1-64 of [A-Za-z0-9_.-]");
  }

  /** OVS/Linux interface names are at most 15 bytes (IFNAMSIZ - 1). */
  public static String ovsPort(String device, String name) {
    return require(device, "port", name, OVS_PORT, "1-15 of [A-Za-z0-9_-], starting with a letter");
  }

  public static String bridge(String device, String name) {
    return require(device, "bridge", name, BRIDGE, "1-15 of [A-Za-z0-9_-], starting with a letter");
  }

  /** A Neutron-style interface id: a UUID or another safe token. */
  public static String ifaceId(String device, String id) {
    return require(device, "ifaceId", id, IFACE_ID, "a UUID or 1-64 of [A-Za-z0-9_-]");
  }

  /** A unicast MAC address, lower-case, colon separated. */
  public static String mac(String device, String mac) {
    require(device, "mac", mac, MAC, "six lower-case hex pairs separated by ':'");
    if ((Integer.parseInt(mac.substring(0, 2), 16) & 1) != 0) {
      throw new InvalidParameter(device, "mac", "multicast address " + mac);
    }
    return mac;
  }

  /** A run id, change id or instance name in a domain's ownership mark. */
  public static String ownerField(String device, String parameter, String value) {
    return require(device, parameter, value, OWNER_FIELD, "a run, change or instance name");
  }

  /** A libvirt storage volume's name. */
  public static String volume(String device, String name) {
    return require(device, "volume", name, VOLUME, "1-128 of [A-Za-z0-9_.-]");
  }

  /** A libvirt storage pool's name. */
  public static String pool(String device, String name) {
    return require(device, "pool", name, POOL, "1-64 of [A-Za-z0-9_.-]");
  }

  /** A dotted IPv4 address. */
  public static String ipv4(String device, String parameter, String address) {
    return require(device, parameter, address, IPV4, "a dotted IPv4 address");
  }

  /** An IPv4 address with its prefix length ({@code 10.20.0.5/24}). */
  public static String ipv4Cidr(String device, String parameter, String cidr) {
    int slash = cidr == null ? -1 : cidr.indexOf('/');
    if (slash < 0) {
      throw new InvalidParameter(device, parameter, "an IPv4 address with /prefix");
    }
    ipv4(device, parameter, cidr.substring(0, slash));
    String prefix = cidr.substring(slash + 1);
    if (!prefix.matches("[0-9]{1,2}") || Integer.parseInt(prefix) > 32) {
      throw new InvalidParameter(device, parameter, "prefix " + prefix + " is outside 0-32");
    }
    return cidr;
  }

  public static long positive(String device, String parameter, long value, long max) {
    if (value < 1 || value > max) {
      throw new InvalidParameter(device, parameter, value + " is outside 1-" + max);
    }
    return value;
  }

  private static String require(
      String device, String parameter, String value, Pattern pattern, String expected) {
    if (value == null) {
      throw new InvalidParameter(device, parameter, "missing");
    }
    if (!pattern.matcher(value).matches()) {
      throw new InvalidParameter(
          device, parameter, "'" + Printable.escape(value, 60) + "' is not " + expected);
    }
    return value;
  }
}
