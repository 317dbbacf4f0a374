package io.longhaul.bench.core;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU clocks. In-JVM work is this process's CPU time (the lab runs in a child process, so it is not
 * counted). External tools are counted through the kernel's accounting of reaped children ({@code
 * cutime + cstime} of /proc/self/stat), which includes every descendant that was waited for:
 * ansible-playbook's forks and their ssh/sshpass children, each snmpbulkwalk.
 */
public final class Cpu {
  private Cpu() {}

  private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

  /** This JVM's CPU time in nanoseconds. */
  public static long processNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos()).orElse(-1L);
  }

  /** CPU time of this JVM's reaped children, in nanoseconds (10 ms resolution). */
  public static long reapedChildrenNanos() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      // Fields after the command name (which may contain spaces) start at field 3.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long cutime = Long.parseLong(f[16 - 3]);
      long cstime = Long.parseLong(f[17 - 3]);
      return (long) ((cutime + cstime) / TICKS_PER_SECOND * 1e9);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
