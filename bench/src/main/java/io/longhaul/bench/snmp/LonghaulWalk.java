package io.longhaul.bench.snmp;

import io.longhaul.bench.core.Cpu;
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

/**
 * Longhaul's side: the drivers' SNMP transport (one SNMP4J session and UDP socket, GETBULK table
 * walks) on one virtual thread per switch.
 */
final class LonghaulWalk {
  private LonghaulWalk() {}

  static Map<String, Double> walk(RemoteLab lab, List<RemoteLab.Device> switches, SnmpOptions o)
      throws Exception {
    var credentials = new SnmpCredentials.V2c(lab.community());
    long cpu0 = Cpu.processNanos();
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
                () ->
                    count(snmp.walk(endpoint, Walks.IF_COLUMNS))
                        + count(snmp.walk(endpoint, Walks.LLDP_COLUMNS))));
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
    return figures(wall, cpu, varbinds, failures);
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
