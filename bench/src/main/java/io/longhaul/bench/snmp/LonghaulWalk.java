package io.longhaul.bench.snmp;

import io.longhaul.bench.core.Cpu;
import io.longhaul.bench.core.UdpCounters;
import io.longhaul.bench.lab.RemoteLab;
import io.longhaul.drivers.SnmpCredentials;
import io.longhaul.drivers.transport.snmp.Snmp4jTransport;
import io.longhaul.drivers.transport.snmp.SnmpEndpoint;
import io.longhaul.drivers.transport.snmp.SnmpOptions;
import io.longhaul.drivers.transport.snmp.SnmpRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Longhaul's side: the drivers' SNMP transport (one SNMP4J session and UDP socket, GETBULK table
 * walks) on one virtual thread per switch, {@code parallel} switches at a time.
 *
 * <p>Why a bound: measured here, 200 switches walked at once over the one shared socket lost over
 * half the responses (the socket's receive buffer, 208 KiB by default, overflows while the single
 * listener thread decodes) and those walks timed out. 32 is what the baseline gets.
 */
final class LonghaulWalk {
  private LonghaulWalk() {}

  static Map<String, Double> walk(
      RemoteLab lab, List<RemoteLab.Device> switches, SnmpOptions o, int parallel)
      throws Exception {
    var permits = new Semaphore(parallel);
    var credentials = new SnmpCredentials.V2c(lab.community());
    long cpu0 = Cpu.processNanos();
    long drops0 = UdpCounters.receiveBufferErrors();
    long t0 = System.nanoTime();
    long varbinds = 0;
    int failures = 0;
    try (var snmp = new Snmp4jTransport(o);
        var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      var results = new ArrayList<Future<Long>>();
      for (RemoteLab.Device d : switches) {
        var endpoint = new SnmpEndpoint(d.name(), d.host(), d.snmpPort(), credentials);
        results.add(
            pool.submit(
                () -> {
                  permits.acquire();
                  try {
                    return count(snmp.walk(endpoint, Walks.IF_COLUMNS))
                        + count(snmp.walk(endpoint, Walks.LLDP_COLUMNS));
                  } finally {
                    permits.release();
                  }
                }));
      }
      for (Future<Long> f : results) {
        try {
          varbinds += f.get();
        } catch (ExecutionException e) {
          failures++;
          System.err.println("longhaul walk failed: " + e.getCause());
        }
      }
    }
    long wall = System.nanoTime() - t0;
    long cpu = Cpu.processNanos() - cpu0;
    var m = figures(wall, cpu, varbinds, failures);
    m.put("udp_rcvbuf_drops", (double) (UdpCounters.receiveBufferErrors() - drops0));
    return m;
  }

  private static long count(List<SnmpRow> rows) {
    return rows.stream().mapToLong(r -> r.columns().size()).sum();
  }

  static Map<String, Double> figures(long wallNanos, long cpuNanos, long varbinds, int failures) {
    var m = new LinkedHashMap<String, Double>();
    m.put("wall_ms", wallNanos / 1e6);
    m.put("cpu_ms", cpuNanos / 1e6);
    m.put("varbinds", (double) varbinds);
    m.put("varbinds_per_s", varbinds / (wallNanos / 1e9));
    m.put("cpu_us_per_varbind", varbinds == 0 ? Double.NaN : cpuNanos / 1e3 / varbinds);
    m.put("failures", (double) failures);
    return m;
  }
}
