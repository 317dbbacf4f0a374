package io.longhaul.lab.device;

/** Lets injected faults take a link down (link flaps) without the device knowing about faults. */
@FunctionalInterface
public interface LinkFaults {
  LinkFaults NONE = (device, iface) -> false;

  boolean isLinkDown(String device, String interfaceName);
}
