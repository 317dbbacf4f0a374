package io.longhaul.drivers.transport.snmp;

import io.longhaul.drivers.SnmpCredentials;
import java.util.Objects;

/** One SNMP agent and the credentials to use on it; {@code device} names it in failures. */
public record SnmpEndpoint(String device, String host, int port, SnmpCredentials credentials) {
  public SnmpEndpoint {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(credentials, "credentials");
  }
}
