package io.longhaul.drivers.transport.snmp;

import java.nio.charset.StandardCharsets;

/** A variable as the agent sent it: bytes for strings, a number for integers and counters. */
public record SnmpValue(String type, byte[] bytes, long number) {

  public String text() {
    return bytes == null ? Long.toString(number) : new String(bytes, StandardCharsets.UTF_8);
  }

  public int asInt() {
    return (int) number;
  }
}
