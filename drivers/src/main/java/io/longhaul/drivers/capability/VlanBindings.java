package io.longhaul.drivers.capability;

/** Reads VLANs, VLAN-to-VNI mappings and trunk membership. */
public interface VlanBindings {
  VlanState read();
}
