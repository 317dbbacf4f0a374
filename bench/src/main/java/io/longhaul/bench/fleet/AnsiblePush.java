package io.longhaul.bench.fleet;

import io.longhaul.bench.core.Cpu;
import io.longhaul.bench.core.Tools;
import io.longhaul.bench.lab.RemoteLab;
import io.longhaul.drivers.Dialect;
import io.longhaul.drivers.dialect.OverlayPlan;
import io.longhaul.drivers.dialect.Parsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Ansible's side: one play, {@code gather_facts: false}, one {@code raw} task sending the same
 * configuration lines over an SSH exec channel (the lab runs them as one CLI session and exits 1 if
 * any is rejected). Host key checking stays on against the lab's known_hosts; the key exchange is
 * pinned to the one JSch is given.
 */
final class AnsiblePush {

  private final Path dir;
  private final int forks;
  private final boolean pipelining;

  AnsiblePush(Path dir, int forks, boolean pipelining) {
    this.dir = dir;
    this.forks = forks;
    this.pipelining = pipelining;
  }

  /** Writes ansible.cfg, the inventory of {@code switches} and the playbook. */
  void prepare(RemoteLab lab, List<RemoteLab.Device> switches, String kex) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("ansible.cfg"),
        """
        [defaults]
        inventory = inventory.ini
        host_key_checking = True
        forks = %d
        gathering = explicit
        retry_files_enabled = False
        deprecation_warnings = False
        interpreter_python = auto_silent

        [ssh_connection]
        # Ansible's default ssh_args are "-C -o ControlMaster=auto -o ControlPersist=60s". With one
        # task per host a persistent master saves nothing, and its CPU would escape the accounting
        # (it is not reaped by ansible-playbook), so it is off. -C stays.
        ssh_args = -C -o ControlMaster=no -o KexAlgorithms=%s -o UserKnownHostsFile=%s -o StrictHostKeyChecking=yes -o PubkeyAuthentication=no -o PreferredAuthentications=password
        pipelining = %s
        """
            .formatted(forks, kex, lab.knownHosts().toAbsolutePath(), pipelining));
    var inv = new StringBuilder("[switches]\n");
    for (RemoteLab.Device d : switches) {
      inv.append(d.name())
          .append(" ansible_host=")
          .append(d.host())
          .append(" ansible_port=")
          .append(d.sshPort())
          .append('\n');
    }
    inv.append("\n[switches:vars]\nansible_connection=ssh\nansible_user=")
        .append(lab.user())
        .append("\nansible_password=")
        .append(lab.password())
        .append('\n');
    Files.writeString(dir.resolve("inventory.ini"), inv);
    Files.writeString(
        dir.resolve("push.yml"),
        """
        - hosts: switches
          gather_facts: false
          tasks:
            - name: push overlay binding
              raw: "{{ config }}"
        """);
  }

  /**
   * The lines the driver's planner computes for this device state, wrapped in a configuration
   * session: the same lines Longhaul sends, without Longhaul's checkpoint and read-back.
   */
  static List<String> lines(String runningConfig, PushPlan plan, String device) {
    return OverlayPlan.apply(
        device, Dialect.NXOS, Parsers.runningConfig(runningConfig), plan.bindings());
  }

  private static final Pattern RECAP =
      Pattern.compile("unreachable=(\\d+)\\s+failed=(\\d+)", Pattern.MULTILINE);

  Map<String, Double> push(List<String> configLines) throws Exception {
    String config = "configure terminal\n" + String.join("\n", configLines) + "\nend";
    Path vars = dir.resolve("vars.json");
    Files.writeString(vars, "{\"config\": " + io.longhaul.bench.core.Json.write(config) + "}");
    var env =
        Map.of(
            "ANSIBLE_CONFIG", dir.resolve("ansible.cfg").toString(),
            "ANSIBLE_HOME", dir.resolve("home").toString(),
            "ANSIBLE_LOCAL_TEMP", dir.resolve("tmp").toString(),
            "ANSIBLE_NOCOLOR", "1");
    long cpu0 = Cpu.reapedChildrenNanos();
    long t0 = System.nanoTime();
    Tools.Outcome o =
        Tools.run(List.of("ansible-playbook", "push.yml", "-e", "@vars.json"), dir, env);
    long wall = System.nanoTime() - t0;
    long cpu = Cpu.reapedChildrenNanos() - cpu0;
    int failures = 0;
    var m = RECAP.matcher(o.stdout());
    while (m.find()) {
      failures += Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2));
    }
    if (o.exitCode() != 0) {
      System.err.println(
          "ansible-playbook exited " + o.exitCode() + ":\n" + tail(o.stdout()) + tail(o.stderr()));
      failures = Math.max(failures, 1);
    }
    var r = new LinkedHashMap<String, Double>();
    r.put("wall_ms", wall / 1e6);
    r.put("cpu_ms", cpu / 1e6);
    r.put("failures", (double) failures);
    r.put("config_lines", (double) configLines.size());
    return r;
  }

  private static String tail(String s) {
    return s.length() > 3000 ? s.substring(s.length() - 3000) : s;
  }
}
