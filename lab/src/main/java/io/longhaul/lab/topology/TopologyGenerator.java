package io.longhaul.lab.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds scale topologies in code: per site two spines, {@code leavesPerSite} leaves in pairs, and
 * hypervisors spread round-robin over the pairs (eth0 to leaf A, eth1 to leaf B, same interface).
 * Site {@code i} (1-based) is coded {@code s<i>}; odd sites use NX-OS, even sites EOS (unless a
 * dialect is given).
 */
public final class TopologyGenerator {
  private TopologyGenerator() {}

  /** E.g. {@code generate(1, 40, 500)}: one site, 40 leaves, 500 hypervisors. */
  public static Topology generate(int siteCount, int leavesPerSite, int hypervisorsPerSite) {
    return generate(siteCount, leavesPerSite, hypervisorsPerSite, null);
  }

  public static Topology generate(
      int siteCount, int leavesPerSite, int hypervisorsPerSite, String dialect) {
    if (siteCount < 1 || leavesPerSite < 2 || leavesPerSite % 2 != 0 || hypervisorsPerSite < 0) {
      throw new IllegalArgumentException(
          "need >= 1 site, an even number (>= 2) of leaves, >= 0 hypervisors");
    }
    int pairs = leavesPerSite / 2;
    int perPair = (hypervisorsPerSite + pairs - 1) / pairs;
    int spines = 2;
    int leafPorts = Math.max(54, perPair + spines);
    int spinePorts = Math.max(32, leavesPerSite);
    List<SiteSpec> sites = new ArrayList<>();
    for (int s = 1; s <= siteCount; s++) {
      String code = "s" + s;
      String d = dialect != null ? dialect : (s % 2 == 1 ? SwitchSpec.NXOS : SwitchSpec.EOS);
      List<SwitchSpec> switches = new ArrayList<>();
      for (int i = 1; i <= spines; i++) {
        switches.add(new SwitchSpec(code + "-spine" + i, SwitchSpec.SPINE, d, null, spinePorts));
      }
      for (int i = 1; i <= leavesPerSite; i++) {
        String pair = code + "-pair" + ((i + 1) / 2);
        switches.add(new SwitchSpec(code + "-leaf" + i, SwitchSpec.LEAF, d, pair, leafPorts));
      }
      List<HypervisorSpec> hvs = new ArrayList<>();
      int width = Math.max(2, String.valueOf(hypervisorsPerSite).length());
      for (int h = 0; h < hypervisorsPerSite; h++) {
        int pair = h % pairs;
        int port = h / pairs + 1;
        String a = code + "-leaf" + (pair * 2 + 1);
        String b = code + "-leaf" + (pair * 2 + 2);
        String ifName = SwitchSpec.interfaceName(d, port);
        hvs.add(
            new HypervisorSpec(
                String.format("%s-hv%0" + width + "d", code, h + 1),
                32,
                262_144,
                List.of(new NicSpec("eth0", a, ifName), new NicSpec("eth1", b, ifName))));
      }
      List<NetworkSpec> nets =
          List.of(
              new NetworkSpec(
                  code + "-prod",
                  List.of("prod-env"),
                  "10." + (16 + s) + ".0.0/20",
                  "10." + (16 + s) + ".0.1",
                  100,
                  10100),
              new NetworkSpec(
                  code + "-test",
                  List.of("test-env"),
                  "10." + (16 + s) + ".16.0/24",
                  "10." + (16 + s) + ".16.1",
                  200,
                  10200));
      sites.add(new SiteSpec(code, "Site " + s, "UTC", switches, hvs, nets));
    }
    return TopologyLoader.validate(new Topology(sites));
  }
}
