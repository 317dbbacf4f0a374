package io.longhaul.lab.device;

import io.longhaul.lab.topology.SwitchSpec;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An NX-OS-like CLI: configuration applies line by line to the running config. */
final class NxosCli extends SwitchCli {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT);

  NxosCli(SwitchState state) {
    super(state);
  }

  @Override
  public String prompt() {
    return switch (mode) {
      case EXEC -> host + "#";
      case CONFIG -> host + "(config)#";
      case IF -> host + "(config-if)#";
      case VLAN -> host + "(config-vlan)#";
      case VXLAN -> host + "(config-if-nve)#";
    };
  }

  @Override
  public String banner() {
    return "Cisco Nexus Operating System (NX-OS) Software\n"
        + "TAC support: http://www.cisco.com/tac\n"
        + "Copyright (C) 2002-2021, Cisco and/or its affiliates.\n"
        + "All rights reserved.\n";
  }

  @Override
  public String rejection(String line) {
    return "% Invalid command at '^' marker.\n";
  }

  @Override
  protected CliResult error(CliError e, String line) {
    List<Tok> t = tokenize(line);
    int col = e.index < t.size() ? t.get(e.index).start() : line.length() + 1;
    String caret = " ".repeat(prompt().length() + col) + "^\n";
    if (e.range != null) {
      return CliResult.fail(caret + "% Invalid number, range is " + e.range + " at '^' marker.\n");
    }
    if (e.index >= t.size()) {
      return CliResult.fail("% Incomplete command at '^' marker.\n");
    }
    return CliResult.fail(caret + "% Invalid command at '^' marker.\n");
  }

  @Override
  protected void leaveConfig() {
    if (mode != Mode.EXEC && pendingChanges > 0) {
      state.countCommit();
    }
    pendingChanges = 0;
    mode = Mode.EXEC;
  }

  @Override
  protected CliResult dispatch(List<Tok> t, String line) {
    String first = t.get(0).text();
    if (match(first, "show") != null && first.length() >= 2) {
      return CliResult.ok(show(t));
    }
    if (mode == Mode.EXEC) {
      return exec(t, line);
    }
    String k = match(first, "end", "exit");
    if (k != null && t.size() == 1 && first.length() >= 2) {
      if (k.equals("end") || mode == Mode.CONFIG) {
        leaveConfig();
      } else {
        mode = Mode.CONFIG;
      }
      return CliResult.ok("");
    }
    if (match(first, "copy") != null && first.length() >= 2) {
      return exec(t, line);
    }
    SwitchConfig cfg = state.running;
    boolean changed;
    if (mode == Mode.IF && isInterfaceCommand(t)) {
      changed = interfaceCommand(cfg, t, line);
    } else if (mode == Mode.VLAN && isVlanCommand(t)) {
      changed = vlanCommand(cfg, t, line);
    } else {
      changed = globalConfig(cfg, t);
    }
    if (changed) {
      pendingChanges++;
      state.countChanges(1);
    }
    return CliResult.ok("");
  }

  private boolean isInterfaceCommand(List<Tok> t) {
    int o = t.get(0).text().equalsIgnoreCase("no") ? 1 : 0;
    return o < t.size() && match(t.get(o).text(), "description", "switchport", "shutdown") != null;
  }

  private boolean isVlanCommand(List<Tok> t) {
    int o = t.get(0).text().equalsIgnoreCase("no") ? 1 : 0;
    return o < t.size() && match(t.get(o).text(), "vn-segment", "name", "state") != null;
  }

  private boolean globalConfig(SwitchConfig cfg, List<Tok> t) {
    boolean no = t.get(0).text().equalsIgnoreCase("no");
    int o = no ? 1 : 0;
    String k = kw(t, o, "vlan", "interface", "hostname", "feature");
    switch (k) {
      case "vlan" -> {
        return vlanCommand(cfg, t, o, no);
      }
      case "interface" -> {
        if (no) {
          throw new CliError(0, null);
        }
        port = interfaceArg(t, o + 1);
        mode = Mode.IF;
        return false;
      }
      default -> {
        // accepted and ignored: the lab's hostname and features are fixed
        if (t.size() < o + 2) {
          throw new CliError(o + 1, null);
        }
        return false;
      }
    }
  }

  private boolean vlanCommand(SwitchConfig cfg, List<Tok> t, String line) {
    boolean no = t.get(0).text().equalsIgnoreCase("no");
    int o = no ? 1 : 0;
    SwitchConfig.Vlan v = vlanEntry(cfg, vlan);
    String k = kw(t, o, "vn-segment", "name", "state");
    switch (k) {
      case "vn-segment" -> {
        if (no) {
          v.vni = null;
          return true;
        }
        int vni = number(t, o + 1, 1, 16_777_215);
        end(t, o + 2);
        v.vni = vni;
        return true;
      }
      case "name" -> {
        if (no) {
          v.name = null;
          return true;
        }
        end(t, 2);
        String name = t.get(1).text();
        if (name.length() > 32) {
          throw new CliError(1, null);
        }
        v.name = name;
        return true;
      }
      default -> {
        kw(t, o + 1, "active", "suspend");
        end(t, o + 2);
        return false;
      }
    }
  }

  private CliResult exec(List<Tok> t, String line) {
    String k =
        kw(
            t,
            0,
            "configure",
            "terminal",
            "checkpoint",
            "rollback",
            "copy",
            "exit",
            "quit",
            "end",
            "no");
    switch (k) {
      case "no" -> {
        kw(t, 1, "checkpoint");
        end(t, 3);
        if (state.checkpoints.remove(t.get(2).text()) == null) {
          return CliResult.fail("% Checkpoint name '" + t.get(2).text() + "' does not exist\n");
        }
        return CliResult.ok("");
      }
      case "configure" -> {
        if (t.size() > 1) {
          kw(t, 1, "terminal");
        }
        end(t, Math.min(t.size(), 2));
        mode = Mode.CONFIG;
        pendingChanges = 0;
        state.countConfigSession();
        return CliResult.ok("Enter configuration commands, one per line. End with CNTL/Z.\n");
      }
      case "terminal" -> {
        kw(t, 1, "length", "width", "monitor");
        if (t.size() > 2) {
          number(t, 2, 0, 511);
        }
        return CliResult.ok("");
      }
      case "checkpoint" -> {
        if (t.size() == 1) {
          state.checkpoints.put("auto-" + (state.checkpoints.size() + 1), state.running.copy());
          return CliResult.ok("Done\n");
        }
        end(t, 2);
        if (state.checkpoints.containsKey(t.get(1).text())) {
          return CliResult.fail("% Checkpoint name already exists\n");
        }
        state.checkpoints.put(t.get(1).text(), state.running.copy());
        return CliResult.ok("Done\n");
      }
      case "rollback" -> {
        kw(t, 1, "running-config");
        kw(t, 2, "checkpoint");
        if (t.size() < 4) {
          throw new CliError(3, null);
        }
        end(t, 4);
        SwitchConfig cp = state.checkpoints.get(t.get(3).text());
        if (cp == null) {
          return CliResult.fail(
              "ERROR: Checkpoint name '" + t.get(3).text() + "' does not exist\n");
        }
        state.running = cp.copy();
        state.countChanges(1);
        state.countCommit();
        return CliResult.ok(
            "Note: Applying config parallelly may fail Rollback verification\n"
                + "Collecting Running-Config\n"
                + "#Generating Rollback Patch\n"
                + "Executing Rollback Patch\n"
                + "Generating Running-config for verification\n"
                + "#Generating Patch for verification\n"
                + "Verification is Successful.\n\n"
                + "Rollback completed successfully.\n");
      }
      case "copy" -> {
        kw(t, 1, "running-config");
        kw(t, 2, "startup-config");
        end(t, 3);
        state.startup = state.running.copy();
        return CliResult.ok(
            "[########################################] 100%\nCopy complete, now saving to disk (please wait)...\nCopy complete.\n");
      }
      case "end" -> {
        return CliResult.ok("");
      }
      default -> {
        return new CliResult("", false, true);
      }
    }
  }

  // ---------------------------------------------------------------- show

  private String show(List<Tok> t) {
    String k =
        kw(
            t,
            1,
            "running-config",
            "startup-config",
            "vlan",
            "interface",
            "lldp",
            "version",
            "vxlan",
            "hostname",
            "checkpoint");
    switch (k) {
      case "running-config", "startup-config" -> {
        end(t, 2);
        String now = ZonedDateTime.now().format(TIME);
        return "\n!Command: show "
            + k
            + "\n!Running configuration last done at: "
            + now
            + "\n!Time: "
            + now
            + "\n\n"
            + (k.equals("running-config") ? state.running : state.startup).render();
      }
      case "vlan" -> {
        boolean brief = t.size() > 2 && kw(t, 2, "brief").equals("brief");
        end(t, brief ? 3 : 2);
        return vlanTable(brief);
      }
      case "interface" -> {
        kw(t, 2, "status");
        end(t, 3);
        return interfaceStatus();
      }
      case "lldp" -> {
        kw(t, 2, "neighbors");
        end(t, 3);
        return lldp();
      }
      case "vxlan" -> {
        end(t, 2);
        StringBuilder sb =
            new StringBuilder("Vlan            VN-Segment\n====            ==========\n");
        for (Map.Entry<Integer, SwitchConfig.Vlan> e : state.running.vlans.entrySet()) {
          if (e.getValue().vni != null) {
            sb.append(String.format("%-16d%d%n", e.getKey(), e.getValue().vni));
          }
        }
        return sb.toString();
      }
      case "hostname" -> {
        end(t, 2);
        return host + "\n";
      }
      case "checkpoint" -> {
        kw(t, 2, "summary");
        StringBuilder sb = new StringBuilder();
        state.checkpoints.keySet().stream().sorted().forEach(n -> sb.append(n).append('\n'));
        return sb.toString();
      }
      default -> {
        end(t, 2);
        return "Cisco Nexus Operating System (NX-OS) Software\n  NXOS: version 9.3(8)\n  cisco Nexus9000 C93180YC-EX chassis\n  Device name: "
            + host
            + "\n";
      }
    }
  }

  private String vlanTable(boolean brief) {
    StringBuilder sb = new StringBuilder();
    sb.append("\nVLAN Name                             Status    Ports\n");
    sb.append("---- -------------------------------- --------- -------------------------------\n");
    List<SwitchState.VlanInfo> vlans = state.vlanTable();
    for (SwitchState.VlanInfo v : vlans) {
      List<String> ports = new ArrayList<>();
      v.ports().stream().forEach(i -> ports.add(SwitchSpec.shortName(SwitchSpec.NXOS, i)));
      sb.append(String.format("%-4d %-32s %-9s ", v.id(), trunc(v.name(), 32), "active"));
      sb.append(wrapPorts(ports, 48, 31));
    }
    if (!brief) {
      sb.append("\nVLAN Type         Vlan-mode\n---- -----        ----------\n");
      for (SwitchState.VlanInfo v : vlans) {
        sb.append(String.format("%-4d %-12s %s%n", v.id(), "enet", "CE"));
      }
      sb.append("\nRemote SPAN VLANs\n");
      sb.append(
          "-------------------------------------------------------------------------------\n\n");
      sb.append("Primary  Secondary  Type             Ports\n");
      sb.append(
          "-------  ---------  ---------------  -------------------------------------------\n\n");
    }
    return sb.toString();
  }

  private String interfaceStatus() {
    StringBuilder sb = new StringBuilder();
    String rule = "-".repeat(80) + "\n";
    sb.append('\n').append(rule);
    sb.append("Port          Name               Status    Vlan      Duplex  Speed   Type\n");
    sb.append(rule);
    for (SwitchState.InterfaceInfo i : state.interfaces()) {
      String status = !i.adminUp() ? "disabled" : i.operUp() ? "connected" : "notconnec";
      String vlanCol = vlanColumn(i);
      boolean fast = fastPort(i);
      sb.append(
          rstrip(
              String.format(
                  "%-13s %-18s %-9s %-9s %-7s %-7s %s",
                  SwitchSpec.shortName(SwitchSpec.NXOS, i.index()),
                  i.description() == null ? "--" : trunc(i.description(), 18),
                  status,
                  vlanCol,
                  i.operUp() ? "full" : "auto",
                  i.operUp() ? (fast ? "100G" : "25G") : "auto",
                  fast ? "QSFP-100G-SR4" : "10Gbase-SR")));
      sb.append('\n');
    }
    return sb.toString();
  }

  private String lldp() {
    StringBuilder sb = new StringBuilder();
    sb.append("Capability codes:\n");
    sb.append("  (R) Router, (B) Bridge, (T) Telephone, (C) DOCSIS Cable Device\n");
    sb.append("  (W) WLAN Access Point, (P) Repeater, (S) Station, (O) Other\n");
    sb.append("Device ID            Local Intf      Hold-time  Capability  Port ID\n");
    int count = 0;
    for (SwitchState.InterfaceInfo i : state.interfaces()) {
      if (i.peer() == null) {
        continue;
      }
      count++;
      String dev = i.peer().device();
      boolean host = i.peer().port().startsWith("eth");
      if (dev.length() > 20) {
        sb.append(dev).append('\n');
        dev = "";
      }
      sb.append(
          String.format(
              "%-20s %-15s %-10s %-11s %s%n",
              dev,
              SwitchSpec.shortName(SwitchSpec.NXOS, i.index()),
              "120",
              host ? "S" : "BR",
              i.peer().port()));
    }
    sb.append("\nTotal entries displayed: ").append(count).append('\n');
    return sb.toString();
  }
}
