package io.longhaul.lab;

/** What a lab device is. */
public enum DeviceKind {
  SWITCH,
  HYPERVISOR,
  /** A cluster's API over HTTPS (a mesh control plane...); its dialect is the cluster kind. */
  CLUSTER
}
