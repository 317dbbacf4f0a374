package io.longhaul.lab;

import io.longhaul.lab.topology.Topology;
import io.longhaul.lab.topology.TopologyLoader;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a lab until killed: {@code --topology FILE} (default: the demo), {@code --admin-port N},
 * {@code --state-dir DIR}, {@code --max-sessions N}, {@code --seed S}.
 */
public final class LabMain {
  private LabMain() {}

  public static void main(String[] args) throws InterruptedException {
    Topology topology = null;
    LabOptions options = LabOptions.defaults();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String v = i + 1 < args.length ? args[i + 1] : null;
      switch (a) {
        case "--topology" -> topology = TopologyLoader.fromYaml(Path.of(need(a, v)));
        case "--admin-port" -> options = options.withAdminPort(Integer.parseInt(need(a, v)));
        case "--state-dir" -> options = options.withStateDir(Path.of(need(a, v)));
        case "--max-sessions" ->
            options = options.withMaxSessionsPerDevice(Integer.parseInt(need(a, v)));
        case "--seed" -> options = options.withSeed(need(a, v));
        default -> {
          System.err.println(
              "usage: LabMain [--topology FILE] [--admin-port N] [--state-dir DIR] [--max-sessions N] [--seed S]");
          System.exit(2);
        }
      }
      i++;
    }
    long t0 = System.nanoTime();
    Lab lab = Lab.start(topology == null ? Topology.demo() : topology, options);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf(
        "%-14s %-10s %-5s %-7s %-22s %s%n", "DEVICE", "KIND", "SITE", "DIALECT", "SSH", "SNMP");
    for (LabDevice d : lab.devices()) {
      System.out.printf(
          "%-14s %-10s %-5s %-7s %-22s %s%n",
          d.name(),
          d.kind().name().toLowerCase(java.util.Locale.ROOT),
          d.siteCode(),
          d.dialect() == null ? "-" : d.dialect(),
          d.ssh() != null
              ? d.ssh().getAddress().getHostAddress() + ":" + d.ssh().getPort()
              : d.baseUrl(),
          d.snmp() == null
              ? "-"
              : d.snmp().getAddress().getHostAddress() + ":" + d.snmp().getPort());
    }
    System.out.println();
    System.out.println("started " + lab.devices().size() + " devices in " + ms + " ms");
    System.out.println(
        "credentials: " + lab.stateDir().resolve("credentials.properties").toAbsolutePath());
    System.out.println("known_hosts: " + lab.knownHostsFile().toAbsolutePath());
    System.out.println(
        "admin API:   "
            + lab.adminUri()
            + " (Authorization: Bearer <admin.token from credentials>)");
    Runtime.getRuntime().addShutdownHook(new Thread(lab::close));
    new CountDownLatch(1).await();
  }

  private static String need(String flag, String value) {
    if (value == null) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return value;
  }
}
