package io.longhaul.contracts.discovery;

import java.util.List;

/** A switch's LLDP neighbour table as read. */
public record LldpTable(String switchName, List<LldpEntry> entries) {
  public LldpTable {
    entries = List.copyOf(entries);
  }
}
