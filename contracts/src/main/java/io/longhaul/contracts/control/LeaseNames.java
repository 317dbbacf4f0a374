package io.longhaul.contracts.control;

import java.util.regex.Pattern;

/**
 * Lease names are {@code kind:name}, kind one of switch, hypervisor, hdfs-bu, hdfs-nn (a NameNode
 * slot), mesh-idc, site.
 */
public final class LeaseNames {
  private static final Pattern NAME =
      Pattern.compile(
          "^(switch|hypervisor|hdfs-bu|hdfs-nn|mesh-idc|site):[A-Za-z0-9][A-Za-z0-9._-]{0,62}$");

  private LeaseNames() {}

  public static boolean valid(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  public static String check(String name) {
    if (!valid(name)) {
      throw new IllegalArgumentException(
          "lease name "
              + name
              + " is not kind:name (switch, hypervisor, hdfs-bu, hdfs-nn, mesh-idc, site)");
    }
    return name;
  }

  public static String switchLease(String name) {
    return check("switch:" + name);
  }

  public static String hypervisor(String name) {
    return check("hypervisor:" + name);
  }

  public static String site(String code) {
    return check("site:" + code);
  }
}
