package io.longhaul.db.ipam;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A network port: an address and MAC of one network, and its binding (status, host, instance).
 *
 * @param address the host address without a mask, e.g. {@code 10.1.0.7}
 */
public record Port(
    UUID id,
    long networkId,
    String name,
    String allocationKey,
    String address,
    String mac,
    String status,
    Long hypervisorId,
    String instanceName,
    OffsetDateTime createdAt) {

  public static final String RESERVED = "reserved";
  public static final String BOUND = "bound";
  public static final String ACTIVE = "active";
  public static final String RELEASING = "releasing";
}
