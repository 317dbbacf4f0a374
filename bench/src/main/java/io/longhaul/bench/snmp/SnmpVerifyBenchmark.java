package io.longhaul.bench.snmp;

import io.longhaul.bench.core.BenchConfig;
import io.longhaul.bench.core.Benchmark;
import io.longhaul.bench.core.Check;
import io.longhaul.bench.core.Scenario;
import io.longhaul.bench.core.Tools;
import io.longhaul.bench.lab.RemoteLab;
import io.longhaul.drivers.transport.snmp.SnmpOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** B4: walk ifTable and lldpRemTable of 200 lab switches, Longhaul against snmpbulkwalk. */
public final class SnmpVerifyBenchmark implements Benchmark {

  static final int MAX_REPETITIONS = 25;
  // Both sides: a short first timeout, then retries (the drivers double each wait; net-snmp
  // repeats the same one).
  static final int TIMEOUT_MS = 500;
  static final int RETRIES = 3;

  @Override
  public String name() {
    return "b4-snmp-verify";
  }

  @Override
  public String title() {
    return "B4 SNMP verification: ifTable + LLDP walks of 200 switches";
  }

  @Override
  public String targets() {
    return "≥ 50,000 varbinds/s and ≥ 3× snmpbulkwalk run 32 at a time; CPU µs per varbind"
        + " reported";
  }

  @Override
  public List<Scenario> run(BenchConfig config, List<String> notes) throws Exception {
    // 2 sites x (2 spines + 98 leaves) = 200 switches; 8 hypervisors per leaf pair give the
    // leaves LLDP neighbours besides their uplinks (spines see every leaf).
    int sites = config.smoke() ? 1 : 2;
    int leaves = config.smoke() ? 2 : 98;
    int hypervisors = leaves / 2 * 8;
    boolean bulkwalk = config.externalTools() && Tools.find("snmpbulkwalk").isPresent();
    var options = new SnmpOptions(Duration.ofMillis(TIMEOUT_MS), RETRIES, MAX_REPETITIONS);
    var scenarios = new ArrayList<Scenario>();
    try (RemoteLab lab = RemoteLab.start(sites, leaves, hypervisors, null, 8)) {
      int latency = config.latencyOr(0);
      if (latency > 0) {
        lab.latency("switches", latency);
      }
      List<RemoteLab.Device> switches = lab.switches();
      var s =
          new Scenario(switches.size() + " switches")
              .parameter("switches", switches.size())
              .parameter("snmp", "v2c")
              .parameter("maxRepetitions", MAX_REPETITIONS)
              .parameter("timeoutMs", TIMEOUT_MS)
              .parameter("retries", RETRIES)
              .parameter("deviceLatencyMs", latency)
              .variant(
                  "longhaul",
                  "drivers' Snmp4jTransport.walk (GETBULK), one virtual thread per switch, "
                      + BulkwalkBaseline.PARALLEL
                      + " switches at a time",
                  round -> LonghaulWalk.walk(lab, switches, options, BulkwalkBaseline.PARALLEL));
      s.check(Check.atLeast("longhaul varbinds/s", "longhaul", "varbinds_per_s", 50_000, "/s"))
          .check(Check.atMost("longhaul failures", "longhaul", "failures", 0, "switches"));
      if (bulkwalk) {
        s.parameter("snmpbulkwalk", Tools.version("snmpbulkwalk"))
            .variant(
                "snmpbulkwalk",
                "net-snmp snmpbulkwalk -v2c -Cr"
                    + MAX_REPETITIONS
                    + " -On, one process per switch"
                    + " and table, "
                    + BulkwalkBaseline.PARALLEL
                    + " at a time",
                round -> BulkwalkBaseline.walk(lab, switches, MAX_REPETITIONS, TIMEOUT_MS, RETRIES))
            .check(
                Check.ratio(
                    "varbinds/s: longhaul / snmpbulkwalk",
                    "longhaul",
                    "snmpbulkwalk",
                    "varbinds_per_s",
                    3))
            .check(
                Check.info(
                    "CPU per varbind: snmpbulkwalk / longhaul",
                    "snmpbulkwalk",
                    "longhaul",
                    "cpu_us_per_varbind"));
      } else {
        s.skip(
            "snmpbulkwalk",
            config.externalTools() ? "snmpbulkwalk is not installed" : "--no-external");
      }
      s.run(config.warmups(), config.rounds(), config.log());
      scenarios.add(s);
    }
    notes.add(
        "The lab's SNMP agents run in their own JVM on the same 2 cores: both sides share them,"
            + " so agent CPU limits both throughputs alike.");
    notes.add(
        "Longhaul walks 32 switches at a time like the baseline. The drivers' one SNMP4J socket"
            + " asks for a 4 MiB receive buffer (this machine's rmem_max; the default 208 KiB"
            + " overflowed under bursts) and retries after a short, doubling timeout.");
    notes.add(
        "udp_rcvbuf_drops is the kernel's RcvbufErrors counter (machine-wide) over the trial:"
            + " datagrams dropped because a socket's receive buffer was full. A walk that loses a"
            + " response waits the full timeout before its retry.");
    notes.add(
        "Both sides walk the same subtrees (all ifTable and lldpRemTable columns the agents have);"
            + " `varbinds` is counted from what each side received.");
    return scenarios;
  }
}
