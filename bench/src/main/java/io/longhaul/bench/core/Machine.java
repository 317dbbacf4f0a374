package io.longhaul.bench.core;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the figures were measured on: they mean nothing without it. */
public final class Machine {
  private Machine() {}

  public static Map<String, Object> describe() {
    var m = new LinkedHashMap<String, Object>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("cpuModel", firstValue(Path.of("/proc/cpuinfo"), "model name"));
    m.put("memoryTotalMiB", memInfoMiB("MemTotal"));
    m.put("memoryAvailableMiB", memInfoMiB("MemAvailable"));
    m.put("os", osName());
    m.put("kernel", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    m.put(
        "jdk",
        System.getProperty("java.vm.vendor")
            + " "
            + System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version"));
    m.put("jvmMaxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
    m.put("loadAverage", loadAverage());
    return m;
  }

  /** 1, 5 and 15 minute load averages: other builds run on this machine at the same time. */
  public static List<Double> loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return List.of(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]));
    } catch (IOException | RuntimeException e) {
      return List.of(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static String osName() {
    String pretty = null;
    try {
      for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
        if (line.startsWith("PRETTY_NAME=")) {
          pretty = line.substring("PRETTY_NAME=".length()).replace("\"", "");
        }
      }
    } catch (IOException e) {
      // not Linux: the kernel field still says what it is
    }
    return pretty;
  }

  private static String firstValue(Path file, String key) {
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith(key)) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException e) {
      // reported as unknown
    }
    return null;
  }

  private static Long memInfoMiB(String key) {
    String v = firstValue(Path.of("/proc/meminfo"), key);
    return v == null ? null : Long.parseLong(v.replace("kB", "").strip()) >> 10;
  }
}
