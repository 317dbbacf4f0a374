package io.longhaul.bench.fleet;

import io.longhaul.bench.core.Cpu;
import io.longhaul.bench.lab.RemoteLab;
import io.longhaul.drivers.Dialect;
import io.longhaul.drivers.Drivers;
import io.longhaul.drivers.SshLogin;
import io.longhaul.drivers.SwitchDriver;
import io.longhaul.drivers.SwitchTarget;
import io.longhaul.drivers.transport.snmp.SnmpOptions;
import io.longhaul.drivers.transport.ssh.SshOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Longhaul's side: the production driver ({@code overlay().apply}: read the running config, plan,
 * checkpoint, configure, verify by reading back) on one virtual thread per switch.
 *
 * <p>Cold: a fresh {@link Drivers} per trial, so every trial pays its SSH connections (TCP, key
 * exchange, host key check, password) like Ansible does. Warm: one {@link Drivers} kept for the
 * whole scenario, as a worker process keeps it, with every switch's SSH connection opened before
 * the first trial (untimed); a trial then opens only a shell channel per switch on it.
 */
final class LonghaulPush implements AutoCloseable {

  private final RemoteLab lab;
  private final List<RemoteLab.Device> switches;
  private final String kex;
  private final Drivers kept;

  private LonghaulPush(RemoteLab lab, List<RemoteLab.Device> switches, String kex, boolean warm)
      throws Exception {
    this.lab = lab;
    this.switches = switches;
    this.kex = kex;
    this.kept = warm ? drivers() : null;
    if (warm) {
      for (var o : onEverySwitch(kept, d -> () -> d.vlans().read())) {
        if (o.failure() != null) {
          kept.close();
          throw new IllegalStateException("could not open a warm session", o.failure());
        }
      }
    }
  }

  static LonghaulPush cold(RemoteLab lab, List<RemoteLab.Device> switches, String kex)
      throws Exception {
    return new LonghaulPush(lab, switches, kex, false);
  }

  static LonghaulPush warm(RemoteLab lab, List<RemoteLab.Device> switches, String kex)
      throws Exception {
    return new LonghaulPush(lab, switches, kex, true);
  }

  Map<String, Double> push(PushPlan plan) throws Exception {
    var bindings = plan.bindings();
    long cpu0 = Cpu.processNanos();
    long t0 = System.nanoTime();
    List<Outcome<Integer>> outcomes;
    if (kept != null) {
      outcomes = onEverySwitch(kept, d -> () -> apply(d, plan));
    } else {
      try (var drivers = drivers()) {
        outcomes = onEverySwitch(drivers, d -> () -> apply(d, plan));
      }
    }
    long wall = System.nanoTime() - t0;
    long cpu = Cpu.processNanos() - cpu0;
    int failures = 0;
    int lines = 0;
    for (var o : outcomes) {
      if (o.failure() != null) {
        failures++;
        System.err.println("longhaul push failed: " + o.failure());
      } else {
        lines = Math.max(lines, o.value());
      }
    }
    var m = new LinkedHashMap<String, Double>();
    m.put("wall_ms", wall / 1e6);
    m.put("cpu_ms", cpu / 1e6);
    m.put("failures", (double) failures);
    m.put("config_lines", (double) lines);
    return m;
  }

  private static int apply(SwitchDriver driver, PushPlan plan) {
    return driver.overlay().apply(plan.changeId(), plan.bindings()).commands().size();
  }

  private Drivers drivers() {
    var ssh =
        new SshOptions(
            lab.knownHosts(),
            Duration.ofSeconds(15),
            Duration.ofSeconds(60),
            4,
            true,
            List.of(kex),
            Duration.ofSeconds(5));
    return Drivers.create(ssh, SnmpOptions.defaults());
  }

  private record Outcome<T>(T value, Throwable failure) {}

  /** Runs the work for every switch, one virtual thread each, and waits for all. */
  private <T> List<Outcome<T>> onEverySwitch(
      Drivers drivers, Function<SwitchDriver, Callable<T>> work) throws InterruptedException {
    var login = SshLogin.password(lab.user(), lab.password());
    var futures = new ArrayList<Future<T>>();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (RemoteLab.Device d : switches) {
        var target = new SwitchTarget(d.name(), Dialect.NXOS, d.host(), d.sshPort(), d.snmpPort());
        futures.add(pool.submit(work.apply(drivers.switchDriver(target, login, null, null))));
      }
    }
    var out = new ArrayList<Outcome<T>>();
    for (Future<T> f : futures) {
      try {
        out.add(new Outcome<>(f.get(), null));
      } catch (ExecutionException e) {
        out.add(new Outcome<>(null, e.getCause()));
      }
    }
    return out;
  }

  @Override
  public void close() {
    if (kept != null) {
      kept.close();
    }
  }
}
