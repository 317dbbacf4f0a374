package io.longhaul.db.inventory;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A KVM host with its capacity and over-commit ratios (seed 000: memory 1:1.2, CPU 1:2). */
public record Hypervisor(
    long id,
    long siteId,
    String name,
    String address,
    int sshPort,
    Long credentialId,
    int cpuCores,
    long memoryMb,
    BigDecimal cpuOvercommit,
    BigDecimal memoryOvercommit,
    boolean maintenance,
    OffsetDateTime createdAt) {

  public record Spec(
      long siteId,
      String name,
      String address,
      int sshPort,
      Long credentialId,
      int cpuCores,
      long memoryMb,
      BigDecimal cpuOvercommit,
      BigDecimal memoryOvercommit,
      boolean maintenance) {}
}
