package io.longhaul.drivers;

import java.util.Objects;

/** Where a switch is and how it speaks: SSH for CLI, UDP for SNMP. */
public record SwitchTarget(String name, Dialect dialect, String host, int sshPort, int snmpPort) {
  public SwitchTarget {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(host, "host");
    if (dialect == Dialect.KVM) {
      throw new IllegalArgumentException("a switch cannot speak " + dialect);
    }
  }
}
