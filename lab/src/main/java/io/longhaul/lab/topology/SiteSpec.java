package io.longhaul.lab.topology;

import java.util.List;

/** One site (datacenter): its fabric, its hypervisors and its networks. */
public record SiteSpec(
    String code,
    String name,
    String timeZone,
    List<SwitchSpec> switches,
    List<HypervisorSpec> hypervisors,
    List<NetworkSpec> networks) {

  public SiteSpec {
    switches = List.copyOf(switches);
    hypervisors = List.copyOf(hypervisors);
    networks = List.copyOf(networks);
  }

  public List<SwitchSpec> spines() {
    return switches.stream().filter(SwitchSpec::isSpine).toList();
  }

  public List<SwitchSpec> leaves() {
    return switches.stream().filter(SwitchSpec::isLeaf).toList();
  }
}
