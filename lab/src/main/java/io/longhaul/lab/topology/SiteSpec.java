package io.longhaul.lab.topology;

import java.util.List;

/** One site (datacenter): its fabric, its hypervisors, its networks and its clusters. */
public record SiteSpec(
    String code,
    String name,
    String timeZone,
    List<SwitchSpec> switches,
    List<HypervisorSpec> hypervisors,
    List<NetworkSpec> networks,
    List<ClusterSpec> clusters) {

  public SiteSpec {
    switches = List.copyOf(switches);
    hypervisors = List.copyOf(hypervisors);
    networks = List.copyOf(networks);
    clusters = List.copyOf(clusters);
  }

  /** A site without clusters. */
  public SiteSpec(
      String code,
      String name,
      String timeZone,
      List<SwitchSpec> switches,
      List<HypervisorSpec> hypervisors,
      List<NetworkSpec> networks) {
    this(code, name, timeZone, switches, hypervisors, networks, List.of());
  }

  public List<SwitchSpec> spines() {
    return switches.stream().filter(SwitchSpec::isSpine).toList();
  }

  public List<SwitchSpec> leaves() {
    return switches.stream().filter(SwitchSpec::isLeaf).toList();
  }
}
