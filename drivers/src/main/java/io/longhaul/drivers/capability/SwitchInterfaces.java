package io.longhaul.drivers.capability;

import java.util.List;

/** Lists a switch's interfaces with admin and operational status. */
public interface SwitchInterfaces {
  List<InterfaceStatus> interfaces();
}
