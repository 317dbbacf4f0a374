package io.longhaul.bench.spawn;

import io.longhaul.bench.core.BenchConfig;
import io.longhaul.bench.core.Benchmark;
import io.longhaul.bench.core.Check;
import io.longhaul.bench.core.Cpu;
import io.longhaul.bench.core.Scenario;
import io.longhaul.contracts.spawn.SpawnResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * B1: the spawn workflow (started as a run, through the embedded Temporal test server and the
 * workers) against the same repository and driver calls made from a plain thread, one spawn after
 * another, at device latency 0 and 20 ms.
 */
public final class SpawnOverheadBenchmark implements Benchmark {

  @Override
  public String name() {
    return "b1-orchestration-overhead";
  }

  @Override
  public String title() {
    return "B1 orchestration overhead: the spawn workflow against direct calls";
  }

  @Override
  public String targets() {
    return "≤ 1.5 ms overhead per step at device latency 0; Longhaul / direct ≤ 1.10× at 20 ms";
  }

  @Override
  public List<Scenario> run(BenchConfig config, List<String> notes) throws Exception {
    int spawns = config.smoke() ? 2 : 10;
    List<Integer> latencies =
        config.latencyMs() != null ? List.of(config.latencyMs()) : List.of(0, 20);
    var scenarios = new ArrayList<Scenario>();
    var seq = new AtomicInteger();
    try (SpawnStack stack = SpawnStack.start()) {
      stack.startLeafWorkflows(0);
      var direct = new DirectSpawn(stack);
      for (int latency : latencies) {
        stack.latency(latency);
        var s =
            new Scenario("device latency " + latency + " ms")
                .parameter("deviceLatencyMs", latency)
                .parameter("spawnsPerTrial", spawns)
                .parameter("stepsPerSpawn", DirectSpawn.STEPS)
                .parameter("leafLingerMs", 0);
        s.variant(
            "longhaul",
            "instance-spawn runs (RunService.start, then the workflow's result), one after"
                + " another",
            round ->
                measure(
                    stack,
                    spawns,
                    name ->
                        stack.await(
                            stack.startRun("instance-spawn", SpawnStack.vm(name)),
                            SpawnResult.class),
                    seq));
        s.variant(
            "direct",
            "the same repository and driver calls from a plain thread, one spawn after another",
            round -> measure(stack, spawns, direct::spawn, seq));
        if (latency == 0) {
          s.check(
              Check.differenceAtMost(
                  "overhead per step: (longhaul − direct) / " + DirectSpawn.STEPS,
                  "longhaul",
                  "direct",
                  "per_spawn_ms",
                  DirectSpawn.STEPS,
                  1.5,
                  "ms"));
          s.check(Check.info("per spawn: longhaul / direct", "longhaul", "direct", "per_spawn_ms"));
        } else {
          s.check(
              Check.ratioAtMost(
                  "per spawn: longhaul / direct", "longhaul", "direct", "per_spawn_ms", 1.10));
          s.check(
              Check.differenceAtMost(
                  "overhead per step: (longhaul − direct) / " + DirectSpawn.STEPS,
                  "longhaul",
                  "direct",
                  "per_spawn_ms",
                  DirectSpawn.STEPS,
                  Double.NaN,
                  "ms"));
        }
        s.check(Check.info("CPU per spawn: longhaul / direct", "longhaul", "direct", "cpu_ms"))
            .check(Check.atMost("longhaul failures", "longhaul", "failures", 0, "spawns"))
            .check(Check.atMost("direct failures", "direct", "failures", 0, "spawns"));
        s.run(config.warmups(), config.rounds(), config.log());
        scenarios.add(s);
      }
      stack.latency(0);
    }
    notes.add(
        "Longhaul and the lab run in the bench JVM (the Spring application as `./longhaul run`"
            + " starts it: embedded Temporal test server, workers, demo lab, PostgreSQL on the"
            + " same 2 cores). The lab's CPU is therefore in both sides' figures alike; device"
            + " latency is a lab fault that sleeps, costing no CPU.");
    notes.add(
        "Steps: the "
            + DirectSpawn.STEPS
            + " repository and driver calls of one spawn onto a leaf pair (claim, reserve,"
            + " allocate, define+start, plug, bind, host leaves, count and push per leaf, verify"
            + " per leaf, domain status, activate port, set state). Longhaul's side makes the same"
            + " calls as activities, plus its journal (a local activity per step event), the"
            + " run record, the leaf workflow's update-with-start and its batching.");
    notes.add(
        "Each leaf's configuration workflow is started before the first trial with linger 0:"
            + " the production default lingers 150 ms per batch to gather a burst, a deliberate"
            + " delay that B2 (the storm) keeps and B1 leaves out.");
    notes.add(
        "Between trials the instances, ports, reservations and overlay users are deleted (not"
            + " timed); the leaves keep the trunk config, so after the first trial a leaf push"
            + " finds nothing to change on both sides alike.");
    return scenarios;
  }

  @FunctionalInterface
  interface Spawn {
    void spawn(String name) throws Exception;
  }

  static LinkedHashMap<String, Double> measure(
      SpawnStack stack, int spawns, Spawn spawn, AtomicInteger seq) {
    int failures = 0;
    long cpu0 = Cpu.processNanos();
    long t0 = System.nanoTime();
    for (int i = 0; i < spawns; i++) {
      try {
        spawn.spawn("b1-" + seq.incrementAndGet());
      } catch (Exception e) {
        failures++;
      }
    }
    long wall = System.nanoTime() - t0;
    long cpu = Cpu.processNanos() - cpu0;
    stack.reset();
    var m = new LinkedHashMap<String, Double>();
    m.put("wall_ms", wall / 1e6);
    m.put("per_spawn_ms", wall / 1e6 / spawns);
    m.put("cpu_ms", cpu / 1e6 / spawns);
    m.put("failures", (double) failures);
    return m;
  }
}
