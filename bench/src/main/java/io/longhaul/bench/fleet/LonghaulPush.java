package io.longhaul.bench.fleet;

import io.longhaul.bench.core.Cpu;
import io.longhaul.bench.lab.RemoteLab;
import io.longhaul.drivers.Dialect;
import io.longhaul.drivers.Drivers;
import io.longhaul.drivers.SshLogin;
import io.longhaul.drivers.SwitchTarget;
import io.longhaul.drivers.transport.snmp.SnmpOptions;
import io.longhaul.drivers.transport.ssh.SshOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Longhaul's side: the production driver ({@code overlay().apply}: read the running config, plan,
 * checkpoint, configure, verify by reading back) on one virtual thread per switch. A fresh {@link
 * Drivers} per trial, so every trial pays its SSH connections like Ansible does.
 */
final class LonghaulPush {
  private LonghaulPush() {}

  static Map<String, Double> push(
      RemoteLab lab, List<RemoteLab.Device> switches, PushPlan plan, String kex) throws Exception {
    var ssh =
        new SshOptions(
            lab.knownHosts(),
            Duration.ofSeconds(15),
            Duration.ofSeconds(60),
            4,
            true,
            List.of(kex),
            Duration.ofSeconds(5));
    var login = SshLogin.password(lab.user(), lab.password());
    var bindings = plan.bindings();
    long cpu0 = Cpu.processNanos();
    long t0 = System.nanoTime();
    int failures = 0;
    int lines = 0;
    try (var drivers = Drivers.create(ssh, SnmpOptions.defaults());
        var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      var results = new ArrayList<Future<Integer>>();
      for (RemoteLab.Device d : switches) {
        var target = new SwitchTarget(d.name(), Dialect.NXOS, d.host(), d.sshPort(), d.snmpPort());
        results.add(
            pool.submit(
                () ->
                    drivers
                        .switchDriver(target, login, null, null)
                        .overlay()
                        .apply(plan.changeId(), bindings)
                        .commands()
                        .size()));
      }
      for (Future<Integer> f : results) {
        try {
          lines = Math.max(lines, f.get());
        } catch (java.util.concurrent.ExecutionException e) {
          failures++;
          System.err.println("longhaul push failed: " + e.getCause());
        }
      }
    }
    long wall = System.nanoTime() - t0;
    long cpu = Cpu.processNanos() - cpu0;
    var m = new LinkedHashMap<String, Double>();
    m.put("wall_ms", wall / 1e6);
    m.put("cpu_ms", cpu / 1e6);
    m.put("failures", (double) failures);
    m.put("config_lines", (double) lines);
    return m;
  }
}
