package io.longhaul.bench.spawn;

import io.longhaul.bench.core.BenchConfig;
import io.longhaul.bench.core.Benchmark;
import io.longhaul.bench.core.Check;
import io.longhaul.bench.core.Cpu;
import io.longhaul.bench.core.Scenario;
import io.longhaul.contracts.spawn.SpawnResult;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * B2: N spawns started at once at device latency 50 ms. Longhaul: N instance-spawn runs (the
 * production leaf linger of 150 ms); direct: the same calls on N virtual threads with the same
 * per-leaf serialisation and batching ({@link DirectSpawn}).
 */
public final class SpawnStormBenchmark implements Benchmark {

  /**
   * N for a full run: 100, the largest size that completes today (at 1,000 the spawns starve the
   * workflows queue's activity slots, see bench/results/b2-spawn-storm-n1000.md); {@code
   * LONGHAUL_BENCH_B2_N=1000} runs the size.
   */
  static int size(BenchConfig config) {
    if (config.smoke()) {
      return 10;
    }
    String n = System.getenv("LONGHAUL_BENCH_B2_N");
    return n == null || n.isBlank() ? 100 : Integer.parseInt(n);
  }

  @Override
  public String name() {
    return "b2-spawn-storm";
  }

  @Override
  public String title() {
    return "B2 spawn storm: concurrent spawns against a direct baseline with per-leaf serialisation";
  }

  @Override
  public String targets() {
    return "1,000 concurrent spawns at device latency 50 ms: throughput ≥ 0.9× the direct"
        + " baseline's; failures 0; p50, p99 and heap retained per spawn reported";
  }

  @Override
  public List<Scenario> run(BenchConfig config, List<String> notes) throws Exception {
    int n = size(config);
    int latency = config.latencyOr(50);
    var scenarios = new ArrayList<Scenario>();
    var seq = new AtomicInteger();
    try (SpawnStack stack = SpawnStack.start()) {
      var direct = new DirectSpawn(stack);
      stack.latency(latency);
      var s =
          new Scenario("N = " + n + " concurrent spawns")
              .parameter("spawns", n)
              .parameter("deviceLatencyMs", latency)
              .parameter("leafLingerMs", "150 (production default) / direct: none");
      s.variant(
          "longhaul",
          "N instance-spawn runs started at once (RunService.start on a virtual thread each),"
              + " each awaited",
          round ->
              storm(
                  stack,
                  n,
                  name ->
                      stack.await(
                          stack.startRun("instance-spawn", SpawnStack.vm(name)), SpawnResult.class),
                  seq));
      s.variant(
          "direct",
          "the same calls on N virtual threads; one push at a time per leaf, requests waiting"
              + " during a push batched into the next (no linger)",
          round -> storm(stack, n, direct::spawn, seq));
      s.check(
              Check.ratio(
                  "throughput: longhaul / direct", "longhaul", "direct", "spawns_per_s", 0.9))
          .check(Check.info("p50: longhaul / direct", "longhaul", "direct", "p50_ms"))
          .check(Check.info("p99: longhaul / direct", "longhaul", "direct", "p99_ms"))
          .check(Check.atMost("longhaul failures", "longhaul", "failures", 0, "spawns"))
          .check(Check.atMost("direct failures", "direct", "failures", 0, "spawns"))
          .check(
              Check.atMost(
                  "longhaul heap retained per spawn",
                  "longhaul",
                  "heap_kib_per_spawn",
                  Double.NaN,
                  "KiB"));
      s.run(config.warmups(), config.rounds(), config.log());
      scenarios.add(s);
      stack.latency(0);
    }
    notes.add(
        "Everything runs in the bench JVM: Longhaul (embedded Temporal test server, workers),"
            + " the demo lab (16 hypervisors on 2 leaf pairs at site sha) and, beside it,"
            + " PostgreSQL on the same 2 cores. Device latency is a lab fault that sleeps.");
    notes.add(
        "Latency is per spawn, from the moment its start call began to its result. Throughput is"
            + " N over the time from the first start to the last result.");
    notes.add(
        "Heap retained per spawn: heap used after a full GC at the end of the trial minus the"
            + " same before it, over N; for Longhaul it includes the test server's histories,"
            + " which it never frees (a real Temporal server keeps them in its own store).");
    notes.add(
        "Between trials the instances, ports, reservations and overlay users are deleted (not"
            + " timed).");
    return scenarios;
  }

  static Map<String, Double> storm(
      SpawnStack stack, int n, SpawnOverheadBenchmark.Spawn spawn, AtomicInteger seq)
      throws Exception {
    long heap0 = heapAfterGc();
    var failures = new AtomicInteger();
    long[] latencies = new long[n];
    List<Thread> threads = new ArrayList<>(n);
    long cpu0 = Cpu.processNanos();
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      int index = i;
      String name = "b2-" + seq.incrementAndGet();
      threads.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    long s = System.nanoTime();
                    try {
                      spawn.spawn(name);
                    } catch (Exception | Error e) {
                      if (failures.getAndIncrement() < 3) {
                        System.err.println("  spawn " + name + " failed: " + e);
                      }
                    }
                    latencies[index] = System.nanoTime() - s;
                  }));
    }
    for (Thread t : threads) {
      t.join();
    }
    long wall = System.nanoTime() - t0;
    long cpu = Cpu.processNanos() - cpu0;
    long heap1 = heapAfterGc();
    stack.reset();
    Arrays.sort(latencies);
    var m = new LinkedHashMap<String, Double>();
    m.put("wall_ms", wall / 1e6);
    m.put("spawns_per_s", n / (wall / 1e9));
    m.put("p50_ms", latencies[n / 2] / 1e6);
    m.put("p99_ms", latencies[(int) Math.ceil(n * 0.99) - 1] / 1e6);
    m.put("cpu_ms", cpu / 1e6);
    m.put("heap_kib_per_spawn", (heap1 - heap0) / 1024.0 / n);
    m.put("failures", (double) failures.get());
    return m;
  }

  private static long heapAfterGc() {
    var mem = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 2; i++) {
      System.gc();
    }
    return mem.getHeapMemoryUsage().getUsed();
  }
}
