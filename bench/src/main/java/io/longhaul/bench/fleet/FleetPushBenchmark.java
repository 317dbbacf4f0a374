package io.longhaul.bench.fleet;

import io.longhaul.bench.core.BenchConfig;
import io.longhaul.bench.core.Benchmark;
import io.longhaul.bench.core.Check;
import io.longhaul.bench.core.Scenario;
import io.longhaul.bench.core.Tools;
import io.longhaul.bench.core.Trial;
import io.longhaul.bench.lab.RemoteLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** B3: the same overlay binding pushed to N lab switches by Longhaul and by Ansible. */
public final class FleetPushBenchmark implements Benchmark {

  /** Both sides offer only this key exchange, so both pay the same handshake. */
  static final String KEX = "curve25519-sha256";

  /** One SSH connection per switch per side; 8 leaves room, so neither side is ever refused. */
  static final int MAX_SESSIONS = 8;

  @Override
  public String name() {
    return "b3-fleet-push";
  }

  @Override
  public String title() {
    return "B3 fleet config push: Longhaul's drivers against Ansible";
  }

  @Override
  public String targets() {
    return "≥ 10× faster than Ansible's defaults (forks 5), ≥ 3× faster than tuned Ansible"
        + " (forks 50, pipelining); wall-time and CPU ratios reported";
  }

  @Override
  public List<Scenario> run(BenchConfig config, List<String> notes) throws Exception {
    List<Integer> sizes = config.smoke() ? List.of(2) : List.of(20, 100);
    int max = sizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
    // 7 hypervisors per leaf pair make ports 1-7 trunks, so every push is the same 30 lines.
    int hypervisors = max / 2 * PushPlan.PORTS;
    boolean ansible = config.externalTools() && Tools.find("ansible-playbook").isPresent();
    String ansibleVersion = ansible ? Tools.version("ansible-playbook") : null;
    var pushes = new AtomicInteger();
    var scenarios = new ArrayList<Scenario>();
    Path work = Files.createTempDirectory("bench-b3");
    var closeLater = new ArrayList<AutoCloseable>();
    try (RemoteLab lab = RemoteLab.start(1, max, hypervisors, "nxos", MAX_SESSIONS)) {
      int latency = config.latencyOr(0);
      if (latency > 0) {
        lab.latency("switches", latency);
      }
      for (int n : sizes) {
        List<RemoteLab.Device> leaves = lab.leaves().subList(0, n);
        var s =
            new Scenario("N = " + n + " switches")
                .parameter("switches", n)
                .parameter("dialect", "nxos")
                .parameter("kex", KEX)
                .parameter("deviceLatencyMs", latency)
                .parameter("labMaxSessionsPerDevice", MAX_SESSIONS);
        var cold = LonghaulPush.cold(lab, leaves, KEX);
        s.variant(
            "longhaul",
            "cold: a fresh Drivers per trial, every switch's SSH connection opened in the trial;"
                + " overlay().apply on one virtual thread per switch (reads config, checkpoint,"
                + " configure block in one write, reads back to verify)",
            verified(lab, leaves, pushes, cold::push));
        var warm = LonghaulPush.warm(lab, leaves, KEX);
        closeLater.add(warm);
        s.variant(
            "longhaul-warm",
            "warm: one Drivers kept across trials as a worker keeps it, SSH connections opened"
                + " before the first trial (untimed); the same overlay().apply, a new shell"
                + " channel per switch",
            verified(lab, leaves, pushes, warm::push));
        if (ansible) {
          s.parameter("ansible", ansibleVersion);
          var byDefault = new AnsiblePush(work.resolve("default-" + n), 5, false);
          byDefault.prepare(lab, leaves, KEX);
          s.variant(
              "ansible-default",
              "ansible-playbook, raw module, forks 5 (the default), no pipelining",
              verified(lab, leaves, pushes, plan -> byDefault.push(linesFor(lab, leaves, plan))));
          var tuned = new AnsiblePush(work.resolve("tuned-" + n), 50, true);
          tuned.prepare(lab, leaves, KEX);
          s.variant(
              "ansible-tuned",
              "ansible-playbook, raw module, forks 50, pipelining on",
              verified(lab, leaves, pushes, plan -> tuned.push(linesFor(lab, leaves, plan))));
          s.check(
                  Check.ratio(
                      "wall: ansible-default / longhaul",
                      "ansible-default",
                      "longhaul",
                      "wall_ms",
                      10))
              .check(
                  Check.ratio(
                      "wall: ansible-tuned / longhaul", "ansible-tuned", "longhaul", "wall_ms", 3))
              .check(
                  Check.info(
                      "CPU: ansible-default / longhaul", "ansible-default", "longhaul", "cpu_ms"))
              .check(
                  Check.info(
                      "CPU: ansible-tuned / longhaul", "ansible-tuned", "longhaul", "cpu_ms"))
              .check(
                  Check.ratio(
                      "wall: ansible-default / longhaul-warm",
                      "ansible-default",
                      "longhaul-warm",
                      "wall_ms",
                      10))
              .check(
                  Check.ratio(
                      "wall: ansible-tuned / longhaul-warm",
                      "ansible-tuned",
                      "longhaul-warm",
                      "wall_ms",
                      3))
              .check(
                  Check.info(
                      "CPU: ansible-default / longhaul-warm",
                      "ansible-default",
                      "longhaul-warm",
                      "cpu_ms"))
              .check(
                  Check.info(
                      "CPU: ansible-tuned / longhaul-warm",
                      "ansible-tuned",
                      "longhaul-warm",
                      "cpu_ms"));
        } else {
          String why =
              config.externalTools() ? "ansible-playbook is not installed" : "--no-external";
          s.skip("ansible-default", why).skip("ansible-tuned", why);
        }
        s.check(Check.atMost("longhaul failures", "longhaul", "failures", 0, "switches"))
            .check(
                Check.atMost("longhaul-warm failures", "longhaul-warm", "failures", 0, "switches"));
        s.run(config.warmups(), config.rounds(), config.log());
        scenarios.add(s);
      }
    } finally {
      for (AutoCloseable c : closeLater) {
        c.close();
      }
    }
    notes.add(
        "The lab runs in its own JVM: Longhaul's CPU is the bench JVM's process CPU, Ansible's is"
            + " the kernel's accounting of ansible-playbook and every process it reaped (forks,"
            + " ssh, sshpass).");
    notes.add(
        "Longhaul does more per switch than Ansible's raw task: it reads the running config,"
            + " plans, takes a checkpoint, configures, and reads the config back to verify."
            + " Ansible only sends the lines. Both are verified against the lab's state after"
            + " every trial (failures count switches where the change is missing).");
    notes.add(
        "longhaul (cold) pays every SSH connection inside the trial, as Ansible does; it is the"
            + " figure for a first push. longhaul-warm keeps one Drivers (and its SSH"
            + " connections, host keys checked when they were opened) across trials, as a"
            + " long-running worker does: the figure for pushes after the first. Ansible's"
            + " ControlPersist is off (see its ansible.cfg), so Ansible is cold in every trial.");
    notes.add(
        "Device latency (--latency) is the lab's delay before it answers a request: once per"
            + " exec request (Ansible's 30 lines) and, on a switch shell, once per burst of lines"
            + " typed ahead in one write (Longhaul's config block), once per line otherwise.");
    notes.add(
        "Ansible authenticates with sshpass (the lab's switches take passwords only, like"
            + " Longhaul's login), host key checking on against the lab's known_hosts.");
    return scenarios;
  }

  /** The lines the planner computes for the first switch; every switch is in the same state. */
  private static List<String> linesFor(RemoteLab lab, List<RemoteLab.Device> leaves, PushPlan p) {
    String first = leaves.getFirst().name();
    return AnsiblePush.lines(lab.runningConfig(first), p, first);
  }

  @FunctionalInterface
  private interface Push {
    Map<String, Double> run(PushPlan plan) throws Exception;
  }

  /** Gives the trial fresh VLANs, then checks every switch really has them (not timed). */
  private static Trial verified(
      RemoteLab lab, List<RemoteLab.Device> leaves, AtomicInteger pushes, Push push) {
    return round -> {
      PushPlan plan = PushPlan.number(pushes.getAndIncrement());
      Map<String, Double> m = push.run(plan);
      int missing = 0;
      for (RemoteLab.Device d : leaves) {
        if (lab.missing(d.name(), plan.interfaces(), plan.vlans()) != null) {
          missing++;
        }
      }
      m.put("failures", Math.max(m.getOrDefault("failures", 0.0), missing));
      return m;
    };
  }
}
