package io.longhaul.lab.fault;

import java.time.Duration;

/** A fault a lab device can be told to show. */
public sealed interface Fault {

  /**
   * Added before every command's answer (SSH) and every SNMP response; on a switch shell, lines
   * typed ahead in one write pay it once (one trip to the device), as an exec request does.
   */
  record Latency(Duration delay) implements Fault {}

  /** The SSH connection is closed in the middle of the next command's output. */
  record DropMidCommand() implements Fault {}

  /** Password authentication fails even with the right password. */
  record AuthRefused() implements Fault {}

  /** Commands (and SNMP requests) are never answered until the fault is cleared. */
  record Hang() implements Fault {}

  /** Answers are garbled: columns scrambled, SNMP values of the wrong type. */
  record Garbage() implements Fault {}

  /** Commands starting with the prefix get the dialect's error (exit 1 on hypervisors). */
  record CommandFails(String commandPrefix) implements Fault {}

  /** No SSH or SNMP answer at all: connections are closed at once, SNMP is silent. */
  record Down() implements Fault {}

  /** The interface's oper status toggles: down for {@code period}, up for {@code period}, ... */
  record LinkFlap(String interfaceName, Duration period) implements Fault {
    public LinkFlap(String interfaceName) {
      this(interfaceName, Duration.ofMillis(500));
    }
  }

  /** The wire name used by the admin API. */
  default String type() {
    return switch (this) {
      case Latency l -> "latency";
      case DropMidCommand d -> "drop";
      case AuthRefused a -> "auth-refused";
      case Hang h -> "hang";
      case Garbage g -> "garbage";
      case CommandFails c -> "command-fails";
      case Down d -> "down";
      case LinkFlap f -> "link-flap";
    };
  }
}
