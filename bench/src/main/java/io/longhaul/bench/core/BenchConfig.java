package io.longhaul.bench.core;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * How to run the benchmarks.
 *
 * @param smoke tiny sizes and few rounds: proves the harness works, measures nothing
 * @param rounds recorded rounds per scenario (each measures every variant once)
 * @param warmups unrecorded rounds first (JIT, connection pools of the lab, page cache)
 * @param externalTools false skips baselines that need Ansible or net-snmp (the smoke test)
 * @param latencyMs device latency the lab sleeps before each answer; null: each benchmark's own
 */
public record BenchConfig(
    boolean smoke,
    int rounds,
    int warmups,
    Path outDir,
    boolean externalTools,
    Integer latencyMs,
    PrintStream log) {

  public static BenchConfig full(Path outDir) {
    return new BenchConfig(false, 5, 1, outDir, true, null, System.out);
  }

  public static BenchConfig smoke(Path outDir, boolean externalTools) {
    return new BenchConfig(true, 2, 0, outDir, externalTools, null, System.out);
  }

  public BenchConfig withRounds(int n) {
    return new BenchConfig(smoke, n, warmups, outDir, externalTools, latencyMs, log);
  }

  public BenchConfig withWarmups(int n) {
    return new BenchConfig(smoke, rounds, n, outDir, externalTools, latencyMs, log);
  }

  public BenchConfig withExternalTools(boolean on) {
    return new BenchConfig(smoke, rounds, warmups, outDir, on, latencyMs, log);
  }

  public BenchConfig withLatencyMs(Integer ms) {
    return new BenchConfig(smoke, rounds, warmups, outDir, externalTools, ms, log);
  }

  /** The configured latency, else the benchmark's default. */
  public int latencyOr(int defaultMs) {
    return latencyMs != null ? latencyMs : defaultMs;
  }
}
