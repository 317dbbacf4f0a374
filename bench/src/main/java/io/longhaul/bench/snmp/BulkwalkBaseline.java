package io.longhaul.bench.snmp;

import io.longhaul.bench.core.Cpu;
import io.longhaul.bench.core.Tools;
import io.longhaul.bench.core.UdpCounters;
import io.longhaul.bench.lab.RemoteLab;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The script baseline: net-snmp's snmpbulkwalk, one process per switch and table, 32 at a time,
 * with the same max-repetitions, timeout and retries as Longhaul and numeric output.
 */
final class BulkwalkBaseline {
  private BulkwalkBaseline() {}

  static final int PARALLEL = 32;

  static Map<String, Double> walk(
      RemoteLab lab,
      List<RemoteLab.Device> switches,
      int maxRepetitions,
      int timeoutMs,
      int retries)
      throws Exception {
    var commands = new ArrayList<List<String>>();
    for (RemoteLab.Device d : switches) {
      for (String table : List.of(Walks.IF_TABLE, Walks.LLDP_REM_TABLE)) {
        commands.add(
            List.of(
                "snmpbulkwalk",
                "-v2c",
                "-c",
                lab.community(),
                "-Cr" + maxRepetitions,
                "-On",
                "-t",
                String.valueOf(timeoutMs / 1000.0),
                "-r",
                String.valueOf(retries),
                "udp:" + d.host() + ":" + d.snmpPort(),
                table));
      }
    }
    long cpu0 = Cpu.reapedChildrenNanos();
    long drops0 = UdpCounters.receiveBufferErrors();
    long t0 = System.nanoTime();
    long varbinds = 0;
    int failures = 0;
    // Platform threads: each only waits for its process, as xargs -P 32 would.
    try (var pool = Executors.newFixedThreadPool(PARALLEL)) {
      var results = new ArrayList<Future<Tools.Outcome>>();
      for (List<String> c : commands) {
        results.add(pool.submit(() -> Tools.run(c, null, Map.of())));
      }
      for (Future<Tools.Outcome> f : results) {
        try {
          Tools.Outcome o = f.get();
          if (o.exitCode() != 0) {
            failures++;
            System.err.println("snmpbulkwalk exited " + o.exitCode() + ": " + o.stderr().strip());
          }
          varbinds += o.stdout().lines().filter(l -> l.startsWith(".")).count();
        } catch (ExecutionException e) {
          failures++;
        }
      }
    }
    long wall = System.nanoTime() - t0;
    long cpu = Cpu.reapedChildrenNanos() - cpu0;
    var m = LonghaulWalk.figures(wall, cpu, varbinds, failures);
    m.put("udp_rcvbuf_drops", (double) (UdpCounters.receiveBufferErrors() - drops0));
    return m;
  }
}
