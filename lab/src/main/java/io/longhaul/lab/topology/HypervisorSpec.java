package io.longhaul.lab.topology;

import java.util.List;

/**
 * A KVM hypervisor with its NICs. {@code cpuOvercommit} and {@code memoryOvercommit} are optional
 * per-host overrides (null means the lab defaults 2.0 and 1.2).
 */
public record HypervisorSpec(
    String name,
    int cpuCores,
    long memoryMb,
    List<NicSpec> nics,
    Double cpuOvercommit,
    Double memoryOvercommit) {

  public static final double DEFAULT_CPU_OVERCOMMIT = 2.0;
  public static final double DEFAULT_MEMORY_OVERCOMMIT = 1.2;

  public HypervisorSpec {
    nics = List.copyOf(nics);
  }

  public HypervisorSpec(String name, int cpuCores, long memoryMb, List<NicSpec> nics) {
    this(name, cpuCores, memoryMb, nics, null, null);
  }

  public double effectiveCpuOvercommit() {
    return cpuOvercommit == null ? DEFAULT_CPU_OVERCOMMIT : cpuOvercommit;
  }

  public double effectiveMemoryOvercommit() {
    return memoryOvercommit == null ? DEFAULT_MEMORY_OVERCOMMIT : memoryOvercommit;
  }
}
