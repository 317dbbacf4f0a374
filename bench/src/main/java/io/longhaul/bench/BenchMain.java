package io.longhaul.bench;

import io.longhaul.bench.core.BenchConfig;
import io.longhaul.bench.core.Benchmark;
import io.longhaul.bench.core.Machine;
import io.longhaul.bench.core.Report;
import io.longhaul.bench.core.Scenario;
import io.longhaul.bench.fleet.FleetPushBenchmark;
import io.longhaul.bench.ipam.IpamContentionBenchmark;
import io.longhaul.bench.snmp.SnmpVerifyBenchmark;
import io.longhaul.bench.spawn.SpawnOverheadBenchmark;
import io.longhaul.bench.spawn.SpawnStormBenchmark;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./longhaul bench [name|all] [--smoke] [--rounds N] [--latency MS] [--out DIR]
 * [--no-external]}: runs benchmarks against the lab and writes {@code <out>/<name>.json} and {@code
 * .md}.
 */
public final class BenchMain {
  private BenchMain() {}

  /** Every benchmark, in the order. B1, B2 and B5 wait for the spawn workflow and IPAM. */
  public static List<Benchmark> all() {
    return List.of(
        new SpawnOverheadBenchmark(),
        new SpawnStormBenchmark(),
        new FleetPushBenchmark(),
        new SnmpVerifyBenchmark(),
        new IpamContentionBenchmark(),
        new io.longhaul.bench.mesh.MeshDecisionBenchmark());
  }

  public static void main(String[] args) throws Exception {
    String which = "all";
    boolean smoke = false;
    boolean external = true;
    Integer rounds = null;
    Integer warmups = null;
    Integer latency = null;
    Path out = Path.of("bench", "results");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--smoke" -> smoke = true;
        case "--no-external" -> external = false;
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--warmups" -> warmups = Integer.parseInt(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--latency" -> latency = Integer.parseInt(args[++i]);
        case "-h", "--help" -> {
          usage();
          return;
        }
        default -> {
          if (args[i].startsWith("-")) {
            usage();
            System.exit(2);
          }
          which = args[i];
        }
      }
    }
    BenchConfig config = smoke ? BenchConfig.smoke(out, external) : BenchConfig.full(out);
    config = config.withExternalTools(external);
    config = config.withLatencyMs(latency);
    if (rounds != null) {
      config = config.withRounds(rounds);
    }
    if (warmups != null) {
      config = config.withWarmups(warmups);
    }
    List<Benchmark> chosen = select(which);
    if (chosen.isEmpty()) {
      System.err.println("no benchmark named '" + which + "'");
      usage();
      System.exit(2);
    }
    for (Benchmark b : chosen) {
      runOne(b, config);
    }
  }

  static List<Benchmark> select(String which) {
    if (which.equals("all")) {
      return all();
    }
    return all().stream()
        .filter(b -> b.name().equals(which) || b.name().startsWith(which + "-"))
        .toList();
  }

  /** Runs one benchmark and writes its files; returns the JSON path. */
  public static Path runOne(Benchmark b, BenchConfig config) throws Exception {
    config.log().printf("== %s: %s%n", b.name(), b.title());
    Instant started = Instant.now();
    List<Double> loadBefore = Machine.loadAverage();
    List<String> notes = new ArrayList<>();
    List<Scenario> scenarios = b.run(config, notes);
    var result =
        Report.toMap(
            b,
            config,
            started,
            Duration.between(started, Instant.now()),
            loadBefore,
            scenarios,
            notes);
    String name = b.name();
    if (config.latencyMs() != null) {
      // A run at a chosen device latency never overwrites the benchmark's default run.
      name += "-latency" + config.latencyMs();
    }
    if (config.smoke()) {
      name += "-smoke";
    }
    Report.write(config.outDir(), name, result, scenarios);
    Path json = config.outDir().resolve(name + ".json");
    config.log().printf("== wrote %s and %s.md%n", json, name);
    return json;
  }

  private static void usage() {
    System.err.println(
        "usage: ./longhaul bench [all|"
            + String.join("|", all().stream().map(Benchmark::name).toList())
            + "] [--smoke] [--rounds N] [--warmups N] [--latency MS] [--out DIR]"
            + " [--no-external]");
  }
}
