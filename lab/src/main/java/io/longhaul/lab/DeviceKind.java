package io.longhaul.lab;

/** What a lab device is. */
public enum DeviceKind {
  SWITCH,
  HYPERVISOR
}
