package io.longhaul.lab.device;

import io.longhaul.lab.topology.SwitchSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * An EOS-like CLI. {@code configure session NAME} stages changes on a copy of the running config
 * that only {@code commit} applies; {@code abort} discards it; {@code end} leaves it pending. Plain
 * {@code configure} applies line by line.
 */
final class EosCli extends SwitchCli {

  private String session;

  EosCli(SwitchState state) {
    super(state);
  }

  @Override
  public String prompt() {
    String base = session == null ? "config" : "config-s-" + session;
    return switch (mode) {
      case EXEC -> host + "#";
      case CONFIG -> host + "(" + base + ")#";
      case IF -> host + "(" + base + "-if-Et" + port + ")#";
      case VLAN -> host + "(" + base + "-vlan-" + vlan + ")#";
      case VXLAN -> host + "(" + base + "-if-Vx1)#";
    };
  }

  @Override
  public String banner() {
    return "Last login: from 127.0.0.1\n";
  }

  @Override
  public String rejection(String line) {
    return "% Invalid input\n";
  }

  @Override
  protected CliResult error(CliError e, String line) {
    if (e.index >= tokenize(line).size()) {
      return CliResult.fail("% Incomplete command\n");
    }
    return CliResult.fail("% Invalid input\n");
  }

  @Override
  protected void leaveConfig() {
    if (mode != Mode.EXEC && session == null && pendingChanges > 0) {
      state.countCommit();
    }
    if (session == null) {
      pendingChanges = 0;
    }
    mode = Mode.EXEC;
    session = null;
  }

  private SwitchConfig target() {
    return session == null ? state.running : state.sessions.get(session);
  }

  @Override
  protected CliResult dispatch(List<Tok> t, String line) {
    String first = t.get(0).text();
    if (match(first, "show") != null && first.length() >= 2) {
      return CliResult.ok(show(t));
    }
    if (mode == Mode.EXEC) {
      return exec(t);
    }
    String k = match(first, "end", "exit", "commit", "abort");
    if (k != null && t.size() == 1 && first.length() >= 2) {
      switch (k) {
        case "end" -> leaveConfig();
        case "exit" -> {
          if (mode == Mode.CONFIG) {
            leaveConfig();
          } else {
            mode = Mode.CONFIG;
          }
        }
        case "commit" -> {
          if (session == null) {
            throw new CliError(0, null);
          }
          state.running = state.sessions.remove(session);
          state.countCommit();
          state.countChanges(pendingChanges);
          pendingChanges = 0;
          session = null;
          mode = Mode.EXEC;
        }
        default -> {
          if (session == null) {
            throw new CliError(0, null);
          }
          state.sessions.remove(session);
          pendingChanges = 0;
          session = null;
          mode = Mode.EXEC;
        }
      }
      return CliResult.ok("");
    }
    SwitchConfig cfg = target();
    boolean changed;
    if (mode == Mode.IF && isInterfaceCommand(t)) {
      changed = interfaceCommand(cfg, t, line);
    } else if (mode == Mode.VLAN && isVlanName(t)) {
      changed = vlanName(cfg, t);
    } else if (mode == Mode.VXLAN && isVxlanCommand(t)) {
      changed = vxlanCommand(cfg, t, 0);
    } else {
      changed = globalConfig(cfg, t);
    }
    if (changed) {
      pendingChanges++;
      if (session == null) {
        state.countChanges(1);
      }
    }
    return CliResult.ok("");
  }

  private boolean isInterfaceCommand(List<Tok> t) {
    int o = t.get(0).text().equalsIgnoreCase("no") ? 1 : 0;
    return o < t.size() && match(t.get(o).text(), "description", "switchport", "shutdown") != null;
  }

  private boolean isVlanName(List<Tok> t) {
    int o = t.get(0).text().equalsIgnoreCase("no") ? 1 : 0;
    return o < t.size() && match(t.get(o).text(), "name") != null;
  }

  private boolean isVxlanCommand(List<Tok> t) {
    int o = t.get(0).text().equalsIgnoreCase("no") ? 1 : 0;
    return o < t.size() && match(t.get(o).text(), "vxlan") != null;
  }

  private boolean globalConfig(SwitchConfig cfg, List<Tok> t) {
    boolean no = t.get(0).text().equalsIgnoreCase("no");
    int o = no ? 1 : 0;
    String k = kw(t, o, "vlan", "interface", "vxlan", "hostname");
    switch (k) {
      case "vlan" -> {
        return vlanCommand(cfg, t, o, no);
      }
      case "interface" -> {
        if (no) {
          throw new CliError(0, null);
        }
        if (o + 1 < t.size()
            && match(t.get(o + 1).text(), "vxlan1") != null
            && t.get(o + 1).text().length() >= 2) {
          end(t, o + 2);
          mode = Mode.VXLAN;
          return false;
        }
        port = interfaceArg(t, o + 1);
        mode = Mode.IF;
        return false;
      }
      case "vxlan" -> {
        return vxlanCommand(cfg, t, 0);
      }
      default -> {
        throw new CliError(o, null);
      }
    }
  }

  private boolean vlanName(SwitchConfig cfg, List<Tok> t) {
    SwitchConfig.Vlan v = vlanEntry(cfg, vlan);
    if (t.get(0).text().equalsIgnoreCase("no")) {
      kw(t, 1, "name");
      end(t, 2);
      v.name = null;
      return true;
    }
    end(t, 2);
    if (t.get(1).text().length() > 32) {
      throw new CliError(1, null);
    }
    v.name = t.get(1).text();
    return true;
  }

  /** {@code [no] vxlan vlan N vni M}; also accepts (and ignores) source-interface / udp-port. */
  private boolean vxlanCommand(SwitchConfig cfg, List<Tok> t, int ignored) {
    boolean no = t.get(0).text().equalsIgnoreCase("no");
    int o = no ? 1 : 0;
    kw(t, o, "vxlan");
    String k = kw(t, o + 1, "vlan", "source-interface", "udp-port");
    if (!k.equals("vlan")) {
      if (t.size() < o + 3) {
        throw new CliError(o + 2, null);
      }
      return false;
    }
    int v = number(t, o + 2, 1, VlanSet.MAX_VLAN);
    if (no && t.size() == o + 3) {
      SwitchConfig.Vlan e = cfg.vlans.get(v);
      if (e != null) {
        e.vni = null;
      }
      return true;
    }
    kw(t, o + 3, "vni");
    int vni = number(t, o + 4, 1, 16_777_215);
    end(t, o + 5);
    if (no) {
      SwitchConfig.Vlan e = cfg.vlans.get(v);
      if (e != null && Integer.valueOf(vni).equals(e.vni)) {
        e.vni = null;
      }
      return true;
    }
    vlanEntry(cfg, v).vni = vni;
    return true;
  }

  private CliResult exec(List<Tok> t) {
    String k = kw(t, 0, "configure", "terminal", "enable", "exit", "quit", "end", "copy", "write");
    switch (k) {
      case "configure" -> {
        if (t.size() == 1) {
          return enterConfig(null);
        }
        String sub = kw(t, 1, "terminal", "session");
        if (sub.equals("terminal")) {
          end(t, 2);
          return enterConfig(null);
        }
        String name;
        if (t.size() == 2) {
          name = "session" + (System.nanoTime() % 100000);
        } else {
          end(t, 3);
          name = t.get(2).text();
          if (!name.matches("[A-Za-z0-9_.-]{1,48}")) {
            throw new CliError(2, null);
          }
        }
        state.sessions.computeIfAbsent(name, n -> state.running.copy());
        return enterConfig(name);
      }
      case "terminal" -> {
        kw(t, 1, "length", "width", "monitor");
        if (t.size() > 2) {
          number(t, 2, 0, 32767);
        }
        return CliResult.ok("");
      }
      case "copy", "write" -> {
        if (k.equals("copy")) {
          kw(t, 1, "running-config");
          kw(t, 2, "startup-config");
          end(t, 3);
        }
        state.startup = state.running.copy();
        return CliResult.ok("Copy completed successfully.\n");
      }
      case "enable", "end" -> {
        return CliResult.ok("");
      }
      default -> {
        return new CliResult("", false, true);
      }
    }
  }

  private CliResult enterConfig(String name) {
    mode = Mode.CONFIG;
    session = name;
    if (name == null) {
      pendingChanges = 0;
    }
    state.countConfigSession();
    return CliResult.ok("");
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
            "interfaces",
            "lldp",
            "version",
            "session-config",
            "configuration",
            "hostname");
    switch (k) {
      case "running-config", "startup-config" -> {
        end(t, 2);
        SwitchConfig c = k.equals("running-config") ? state.running : state.startup;
        return "! Command: show "
            + k
            + "\n! device: "
            + host
            + " (DCS-7050SX3-48YC8, EOS-4.28.3M)\n!\n! boot system flash:/EOS-4.28.3M.swi\n!\n"
            + c.render()
            + "end\n";
      }
      case "vlan" -> {
        if (t.size() > 2) {
          kw(t, 2, "brief");
        }
        end(t, Math.min(t.size(), 3));
        return vlanTable();
      }
      case "interfaces" -> {
        kw(t, 2, "status");
        end(t, 3);
        return interfaceStatus();
      }
      case "lldp" -> {
        kw(t, 2, "neighbors");
        end(t, 3);
        return lldp();
      }
      case "session-config" -> {
        if (session == null) {
          throw new CliError(1, null);
        }
        kw(t, 2, "diffs");
        end(t, 3);
        return Diff.unified(
            state.running.render(),
            target().render(),
            "system:/running-config",
            "session:/" + session + "-session-config");
      }
      case "configuration" -> {
        kw(t, 2, "sessions");
        StringBuilder sb =
            new StringBuilder(
                "Maximum number of completed sessions: 1\nMaximum number of pending sessions: 5\n\n");
        sb.append(
            "  Name           State         User    Terminal\n  -------------- ------------- ------- --------\n");
        state.sessions.keySet().stream()
            .sorted()
            .forEach(
                n ->
                    sb.append(
                        String.format(
                            "%s %-14s %-13s %-7s %s%n",
                            n.equals(session) ? "*" : " ", n, "pending", "", "")));
        return sb.toString();
      }
      case "hostname" -> {
        end(t, 2);
        return "Hostname: " + host + "\nFQDN:     " + host + "\n";
      }
      default -> {
        end(t, 2);
        return "Arista DCS-7050SX3-48YC8\nHardware version: 11.02\nSoftware image version: 4.28.3M\nHostname: "
            + host
            + "\n";
      }
    }
  }

  private String vlanTable() {
    StringBuilder sb = new StringBuilder();
    sb.append("VLAN  Name                             Status    Ports\n");
    sb.append("----- -------------------------------- --------- -------------------------------\n");
    for (SwitchState.VlanInfo v : state.vlanTable()) {
      List<String> ports = new ArrayList<>();
      v.ports().stream().forEach(i -> ports.add(SwitchSpec.shortName(SwitchSpec.EOS, i)));
      if (v.vni() != null) {
        ports.add("Vx1");
      }
      sb.append(String.format("%-5d %-32s %-9s ", v.id(), trunc(v.name(), 32), "active"));
      sb.append(wrapPorts(ports, 49, 31));
    }
    return sb.toString();
  }

  private String interfaceStatus() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        "Port       Name                         Status       Vlan        Duplex Speed  Type            Flags Encapsulation\n");
    for (SwitchState.InterfaceInfo i : state.interfaces()) {
      String status = !i.adminUp() ? "disabled" : i.operUp() ? "connected" : "notconnect";
      String vlanCol = vlanColumn(i);
      boolean fast = fastPort(i);
      sb.append(
          rstrip(
              String.format(
                  "%-10s %-28s %-12s %-11s %-6s %-6s %-15s",
                  SwitchSpec.shortName(SwitchSpec.EOS, i.index()),
                  trunc(i.description(), 28),
                  status,
                  vlanCol,
                  i.operUp() ? "full" : "auto",
                  i.operUp() ? (fast ? "100G" : "25G") : "auto",
                  fast ? "100GBASE-SR4" : "25GBASE-SR")));
      sb.append('\n');
    }
    return sb.toString();
  }

  private String lldp() {
    List<SwitchState.InterfaceInfo> up =
        state.interfaces().stream().filter(i -> i.peer() != null).toList();
    StringBuilder sb = new StringBuilder();
    sb.append("Last table change time   : 0:00:42 ago\n");
    sb.append("Number of table inserts  : ").append(up.size()).append('\n');
    sb.append(
        "Number of table deletes  : 0\nNumber of table drops    : 0\nNumber of table age-outs : 0\n\n");
    sb.append("Port          Neighbor Device ID               Neighbor Port ID           TTL\n");
    sb.append("------------- -------------------------------- -------------------------- ---\n");
    for (SwitchState.InterfaceInfo i : up) {
      sb.append(
          String.format(
              "%-13s %-32s %-26s %s%n",
              SwitchSpec.shortName(SwitchSpec.EOS, i.index()),
              i.peer().device(),
              i.peer().port(),
              "120"));
    }
    return sb.toString();
  }
}
