package io.longhaul.db.inventory;

import java.time.OffsetDateTime;

/** A hypervisor NIC cabled to a switch interface, declared by an operator or found by discovery. */
public record HostLink(
    long id,
    long hypervisorId,
    String nic,
    long switchId,
    String interfaceName,
    String source,
    OffsetDateTime lastSeenAt) {

  public record Spec(
      long hypervisorId, String nic, long switchId, String interfaceName, String source) {}
}
