package io.longhaul.bench.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The kernel's UDP counters: datagrams dropped because a socket's receive buffer was full. */
public final class UdpCounters {
  private UdpCounters() {}

  /** Machine-wide RcvbufErrors from /proc/net/snmp, or -1 where it cannot be read. */
  public static long receiveBufferErrors() {
    try {
      List<String> udp =
          Files.readAllLines(Path.of("/proc/net/snmp")).stream()
              .filter(l -> l.startsWith("Udp:"))
              .toList();
      List<String> names = List.of(udp.get(0).split("\\s+"));
      return Long.parseLong(udp.get(1).split("\\s+")[names.indexOf("RcvbufErrors")]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
