package io.longhaul.drivers.dialect;

import java.util.List;

/** A row of {@code show vlan (brief)}: member ports in full names. */
public record VlanRow(int id, String name, String status, List<String> ports) {
  public VlanRow {
    ports = List.copyOf(ports);
  }
}
