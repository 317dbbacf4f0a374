package io.longhaul.drivers.capability;

import java.util.Objects;

/**
 * What a guest boots from: a qcow2 overlay over a golden base volume in a libvirt storage pool, and
 * a cloud-init NoCloud seed (label {@code cidata}: meta-data with the hostname, network-config with
 * the address) beside it. Both volumes are named after the domain and its owner's UUID, so a retry
 * or re-run of the change finds its own volumes and another change's are never taken or removed.
 *
 * @param address the guest's address with its prefix ({@code 10.20.0.5/24}), or null for none
 * @param gateway the default gateway, or null
 */
public record BootDisk(
    String pool, String baseVolume, String hostname, String address, String gateway) {
  public BootDisk {
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(baseVolume, "baseVolume");
    Objects.requireNonNull(hostname, "hostname");
  }

  /** The overlay volume a domain of {@code owner} boots from. */
  public static String overlay(String domain, DomainOwner owner) {
    return domain + "-" + owner.domainUuid() + ".qcow2";
  }

  /** The NoCloud seed volume of a domain of {@code owner}. */
  public static String seed(String domain, DomainOwner owner) {
    return domain + "-" + owner.domainUuid() + "-seed.iso";
  }

  /** Where libvirt's virtlogd keeps the guest's serial console (truncated at each start). */
  public static String consoleLog(String domain) {
    return "/var/log/libvirt/qemu/" + domain + "-console.log";
  }
}
