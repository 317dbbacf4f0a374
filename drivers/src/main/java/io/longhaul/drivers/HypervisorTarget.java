package io.longhaul.drivers;

import java.util.Objects;

/** Where a hypervisor's SSH daemon listens. */
public record HypervisorTarget(String name, String host, int sshPort) {
  public HypervisorTarget {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(host, "host");
  }
}
