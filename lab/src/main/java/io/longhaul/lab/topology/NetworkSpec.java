package io.longhaul.lab.topology;

import java.util.List;

/** A tenant network of a site: its labels, subnet, gateway, VLAN and (optional) VXLAN VNI. */
public record NetworkSpec(
    String name, List<String> labels, String cidr, String gateway, int vlan, Integer vni) {

  public NetworkSpec {
    labels = List.copyOf(labels);
  }
}
