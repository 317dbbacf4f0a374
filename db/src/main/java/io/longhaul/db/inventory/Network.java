package io.longhaul.db.inventory;

import java.time.OffsetDateTime;
import java.util.List;

/** An L2 segment of a site: its CIDR and gateway, VLAN, VXLAN VNI and the labels ports use. */
public record Network(
    long id,
    long siteId,
    String name,
    List<String> labels,
    String cidr,
    String gateway,
    int vlan,
    Integer vni,
    OffsetDateTime createdAt) {

  public Network {
    labels = List.copyOf(labels);
  }

  public record Spec(
      long siteId,
      String name,
      List<String> labels,
      String cidr,
      String gateway,
      int vlan,
      Integer vni) {}
}
