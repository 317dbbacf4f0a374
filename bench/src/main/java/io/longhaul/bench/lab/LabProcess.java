package io.longhaul.bench.lab;

import io.longhaul.lab.DeviceKind;
import io.longhaul.lab.Lab;
import io.longhaul.lab.LabDevice;
import io.longhaul.lab.LabOptions;
import io.longhaul.lab.device.SwitchState;
import io.longhaul.lab.fault.Fault;
import io.longhaul.lab.topology.TopologyGenerator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

/**
 * The lab in its own JVM, so that its CPU (the devices' side of every SSH and SNMP exchange) is
 * never counted as Longhaul's. Prints the devices, credentials and known_hosts path, then answers
 * one-line commands on stdin (latency faults, state checks). Started by {@link RemoteLab}.
 */
public final class LabProcess {
  private LabProcess() {}

  public static void main(String[] args) throws Exception {
    int sites = 1;
    int leaves = 2;
    int hypervisors = 0;
    int maxSessions = 8;
    String dialect = null;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--sites" -> sites = Integer.parseInt(args[i + 1]);
        case "--leaves" -> leaves = Integer.parseInt(args[i + 1]);
        case "--hypervisors" -> hypervisors = Integer.parseInt(args[i + 1]);
        case "--max-sessions" -> maxSessions = Integer.parseInt(args[i + 1]);
        case "--dialect" -> dialect = args[i + 1];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    var topology = TopologyGenerator.generate(sites, leaves, hypervisors, dialect);
    var options = LabOptions.defaults().withAdminPort(-1).withMaxSessionsPerDevice(maxSessions);
    try (Lab lab = Lab.start(topology, options)) {
      var out = System.out;
      var c = lab.credentials();
      out.println(
          "credentials " + c.sshUsername() + " " + c.sshPassword() + " " + c.snmpCommunity());
      out.println("known_hosts " + lab.knownHostsFile().toAbsolutePath());
      for (LabDevice d : lab.devices()) {
        out.println(
            String.join(
                " ",
                "device",
                d.name(),
                d.kind() == DeviceKind.SWITCH ? d.dialect() : "kvm",
                d.role(),
                d.ssh().getAddress().getHostAddress(),
                String.valueOf(d.ssh().getPort()),
                d.snmp() == null ? "-" : String.valueOf(d.snmp().getPort())));
      }
      out.println("ready");
      out.flush();
      var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null && !line.equals("quit")) {
        out.println(answer(lab, line.split(" ")));
        out.flush();
      }
    }
  }

  private static String answer(Lab lab, String[] cmd) {
    try {
      return switch (cmd[0]) {
        case "latency" -> {
          // Sleeps in the lab: device latency costs no CPU on either side.
          lab.faults().clear(cmd[1]);
          long ms = Long.parseLong(cmd[2]);
          if (ms > 0) {
            lab.faults().inject(cmd[1], new Fault.Latency(Duration.ofMillis(ms)));
          }
          yield "ok";
        }
        case "config" ->
            "config "
                + Base64.getEncoder()
                    .encodeToString(
                        lab.switchState(cmd[1]).runningConfig().getBytes(StandardCharsets.UTF_8));
        case "check" -> check(lab.switchState(cmd[1]), cmd[2].split(","), cmd[3].split(","));
        case "sessions" -> "sessions " + lab.sshSessionCount(cmd[1]);
        default -> "error unknown command " + cmd[0];
      };
    } catch (RuntimeException e) {
      return "error " + e;
    }
  }

  /** Whether every VLAN exists and every interface trunks it: the push really happened. */
  private static String check(SwitchState s, String[] interfaces, String[] vlans) {
    int[] wanted = Arrays.stream(vlans).mapToInt(Integer::parseInt).toArray();
    for (int v : wanted) {
      if (!s.vlans().containsKey(v)) {
        return "missing vlan " + v;
      }
      for (String i : interfaces) {
        if (!s.trunkVlans(i).contains(v)) {
          return "missing " + i + " vlan " + v;
        }
      }
    }
    return "ok";
  }
}
