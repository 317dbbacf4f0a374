package io.longhaul.drivers.capability;

import java.util.List;

/** Reads a switch's LLDP neighbours (cabling discovery and verification). */
public interface LldpNeighbors {
  List<LldpNeighbor> neighbors();
}
