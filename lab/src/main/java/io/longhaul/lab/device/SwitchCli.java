package io.longhaul.lab.device;

import io.longhaul.lab.topology.SwitchSpec;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One CLI session on a switch (one per SSH shell or exec channel). Holds the session's mode; all
 * state lives in {@link SwitchState}. Each command is validated completely before anything changes,
 * so invalid input changes nothing.
 */
public abstract class SwitchCli {

  /** A token of the command line and the column it starts at. */
  protected record Tok(String text, int start) {}

  /** Invalid input at token {@code index}; {@code range} set for a number out of range. */
  protected static final class CliError extends RuntimeException {
    final int index;
    final String range;

    CliError(int index, String range) {
      super(null, null, false, false);
      this.index = index;
      this.range = range;
    }
  }

  protected enum Mode {
    EXEC,
    CONFIG,
    IF,
    VLAN,
    VXLAN
  }

  protected final SwitchState state;
  protected final String host;
  protected Mode mode = Mode.EXEC;
  protected int port;
  protected int vlan;

  /** Changes made since entering configuration mode (NX-OS) or in the open session (EOS). */
  protected int pendingChanges;

  protected SwitchCli(SwitchState state) {
    this.state = state;
    this.host = state.name();
  }

  public static SwitchCli forSwitch(SwitchState state) {
    return SwitchSpec.NXOS.equals(state.dialect()) ? new NxosCli(state) : new EosCli(state);
  }

  public abstract String prompt();

  /** Printed once when an interactive shell opens, before the first prompt. */
  public abstract String banner();

  /** The dialect's error text for a command this session rejects (used by fault injection). */
  public abstract String rejection(String line);

  /** Called when the session ends (NX-OS counts an apply if config mode changed something). */
  public void close() {
    synchronized (state) {
      leaveConfig();
    }
    state.changed();
  }

  public final CliResult execute(String rawLine) {
    String line = rawLine.strip();
    if (line.isEmpty() || line.startsWith("!")) {
      return CliResult.ok("");
    }
    state.logCommand(line);
    String filter = null;
    boolean exclude = false;
    int pipe = line.indexOf(" | ");
    String command = line;
    if (pipe > 0) {
      String rest = line.substring(pipe + 3).strip();
      command = line.substring(0, pipe).strip();
      String[] parts = rest.split("\\s+", 2);
      String k = match(parts[0], "include", "exclude", "grep");
      if (k == null || parts.length < 2) {
        return error(new CliError(tokenize(line).size() - 1, null), line);
      }
      filter = parts[1];
      exclude = k.equals("exclude");
    }
    List<Tok> toks = tokenize(command);
    CliResult r;
    try {
      synchronized (state) {
        r = dispatch(toks, command);
      }
    } catch (CliError e) {
      r = error(e, command);
    }
    // Saved before the answer leaves: a client that saw it finds the change after a restart.
    state.changed();
    if (filter != null && !r.error()) {
      Pattern p = Pattern.compile(Pattern.quote(filter));
      StringBuilder sb = new StringBuilder();
      for (String l : r.output().split("\n")) {
        if (p.matcher(l).find() != exclude) {
          sb.append(l).append('\n');
        }
      }
      r = new CliResult(sb.toString(), false, r.close());
    }
    return r;
  }

  protected abstract CliResult dispatch(List<Tok> t, String line);

  protected abstract CliResult error(CliError e, String line);

  /** Leaves configuration mode (end, exit, session close). */
  protected abstract void leaveConfig();

  // ---------------------------------------------------------------- helpers

  protected static List<Tok> tokenize(String line) {
    List<Tok> out = new ArrayList<>();
    int i = 0;
    while (i < line.length()) {
      while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      int s = i;
      while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      if (i > s) {
        out.add(new Tok(line.substring(s, i), s));
      }
    }
    return out;
  }

  /** The unique keyword {@code token} abbreviates (an exact match wins), or null. */
  protected static String match(String token, String... options) {
    String t = token.toLowerCase(Locale.ROOT);
    String found = null;
    for (String o : options) {
      if (o.equals(t)) {
        return o;
      }
      if (o.startsWith(t)) {
        if (found != null) {
          return null;
        }
        found = o;
      }
    }
    return found;
  }

  /** Requires keyword at index i; throws at i otherwise. */
  protected static String kw(List<Tok> t, int i, String... options) {
    if (i >= t.size()) {
      throw new CliError(i, null);
    }
    String k = match(t.get(i).text(), options);
    if (k == null) {
      throw new CliError(i, null);
    }
    return k;
  }

  protected static void end(List<Tok> t, int size) {
    if (t.size() > size) {
      throw new CliError(size, null);
    }
    if (t.size() < size) {
      throw new CliError(t.size(), null);
    }
  }

  protected static int number(List<Tok> t, int i, int min, int max) {
    if (i >= t.size()) {
      throw new CliError(i, null);
    }
    String s = t.get(i).text();
    if (!s.chars().allMatch(Character::isDigit) || s.isEmpty()) {
      throw new CliError(i, null);
    }
    if (s.length() > 9 || Integer.parseInt(s) < min || Integer.parseInt(s) > max) {
      throw new CliError(i, "(" + min + "-" + max + ")");
    }
    return Integer.parseInt(s);
  }

  protected static BitSet vlanList(List<Tok> t, int i) {
    if (i >= t.size()) {
      throw new CliError(i, null);
    }
    String s = t.get(i).text();
    BitSet b = VlanSet.parse(s);
    if (b == null) {
      throw new CliError(i, VlanSet.looksNumeric(s) ? "(1-4094)" : null);
    }
    return b;
  }

  protected static String rest(String line, List<Tok> t, int i) {
    if (i >= t.size()) {
      throw new CliError(i, null);
    }
    return line.substring(t.get(i).start()).strip();
  }

  /** Interface name from tokens i.. (joined: "ethernet 1/5" and "Ethernet1/5" both work). */
  protected int interfaceArg(List<Tok> t, int i) {
    if (i >= t.size()) {
      throw new CliError(i, null);
    }
    StringBuilder sb = new StringBuilder();
    for (int k = i; k < t.size(); k++) {
      sb.append(t.get(k).text());
    }
    int n = state.spec().interfaceNumber(sb.toString());
    if (n < 0) {
      throw new CliError(i, null);
    }
    return n;
  }

  /**
   * {@code [no] vlan LIST} in global configuration, the same in both dialects: creates the VLANs
   * and enters VLAN mode on the first, or deletes them (VLAN 1 cannot be deleted).
   */
  protected final boolean vlanCommand(SwitchConfig cfg, List<Tok> t, int o, boolean no) {
    BitSet ids = vlanList(t, o + 1);
    end(t, o + 2);
    if (no) {
      if (ids.get(1)) {
        throw new CliError(o + 1, null);
      }
      ids.stream().forEach(cfg.vlans::remove);
      return true;
    }
    ids.stream().forEach(id -> vlanEntry(cfg, id));
    vlan = ids.nextSetBit(0);
    mode = Mode.VLAN;
    return true;
  }

  /** The "Vlan" column of an interface-status table: trunk, routed, or the access VLAN. */
  protected final String vlanColumn(SwitchState.InterfaceInfo i) {
    return switch (i.mode()) {
      case "trunk" -> "trunk";
      case "routed" -> "routed";
      default -> String.valueOf(state.running.ports[i.index()].accessVlan);
    };
  }

  /** Uplink ports (the last six of a leaf, every spine port) report the faster speed. */
  protected final boolean fastPort(SwitchState.InterfaceInfo i) {
    return i.index() > state.spec().interfaceCount() - 6 || state.spec().isSpine();
  }

  protected SwitchConfig.Vlan vlanEntry(SwitchConfig cfg, int id) {
    return cfg.vlans.computeIfAbsent(id, k -> new SwitchConfig.Vlan(null, null));
  }

  /** Interface sub-mode commands shared by both dialects; returns whether config changed. */
  protected boolean interfaceCommand(SwitchConfig cfg, List<Tok> t, String line) {
    SwitchConfig.Port p = cfg.ports[port];
    boolean no = match(t.get(0).text(), "no") != null && t.get(0).text().equalsIgnoreCase("no");
    int o = no ? 1 : 0;
    String k = kw(t, o, "description", "switchport", "shutdown");
    switch (k) {
      case "description" -> {
        if (no) {
          end(t, 2);
          p.description = null;
          return true;
        }
        String d = rest(line, t, 1);
        if (d.length() > 254) {
          throw new CliError(1, null);
        }
        p.description = d;
        return true;
      }
      case "shutdown" -> {
        end(t, o + 1);
        p.adminUp = no;
        return true;
      }
      default -> {
        if (t.size() == o + 1) {
          p.mode =
              no
                  ? SwitchConfig.Mode.ROUTED
                  : (p.mode == SwitchConfig.Mode.ROUTED ? SwitchConfig.Mode.ACCESS : p.mode);
          return true;
        }
        String sub = kw(t, o + 1, "mode", "trunk", "access");
        switch (sub) {
          case "mode" -> {
            String m = kw(t, o + 2, "trunk", "access");
            end(t, o + 3);
            p.mode =
                no
                    ? SwitchConfig.Mode.ACCESS
                    : (m.equals("trunk") ? SwitchConfig.Mode.TRUNK : SwitchConfig.Mode.ACCESS);
            return true;
          }
          case "access" -> {
            kw(t, o + 2, "vlan");
            if (no) {
              end(t, o + 3);
              p.accessVlan = 1;
              return true;
            }
            int v = number(t, o + 3, 1, VlanSet.MAX_VLAN);
            end(t, o + 4);
            p.accessVlan = v;
            return true;
          }
          default -> {
            kw(t, o + 2, "allowed");
            kw(t, o + 3, "vlan");
            if (no) {
              end(t, o + 4);
              p.allowed = VlanSet.all();
              return true;
            }
            if (o + 4 >= t.size()) {
              throw new CliError(o + 4, null);
            }
            String word = t.get(o + 4).text();
            if (!Character.isDigit(word.charAt(0))) {
              String op = kw(t, o + 4, "add", "remove", "except", "none", "all");
              switch (op) {
                case "none" -> {
                  end(t, o + 5);
                  p.allowed = new BitSet();
                }
                case "all" -> {
                  end(t, o + 5);
                  p.allowed = VlanSet.all();
                }
                default -> {
                  BitSet list = vlanList(t, o + 5);
                  end(t, o + 6);
                  switch (op) {
                    case "add" -> p.allowed.or(list);
                    case "remove" -> p.allowed.andNot(list);
                    default -> {
                      BitSet all = VlanSet.all();
                      all.andNot(list);
                      p.allowed = all;
                    }
                  }
                }
              }
              return true;
            }
            BitSet list = vlanList(t, o + 4);
            end(t, o + 5);
            p.allowed = list;
            return true;
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- show helpers

  protected static String wrapPorts(List<String> ports, int indent, int width) {
    if (ports.isEmpty()) {
      return "\n";
    }
    StringBuilder sb = new StringBuilder();
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < ports.size(); i++) {
      String item = ports.get(i) + (i < ports.size() - 1 ? "," : "");
      if (line.length() > 0 && line.length() + 1 + item.length() > width) {
        sb.append(line).append('\n').append(" ".repeat(indent));
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(item);
    }
    sb.append(line).append('\n');
    return sb.toString();
  }

  protected static String rstrip(String s) {
    int e = s.length();
    while (e > 0 && s.charAt(e - 1) == ' ') {
      e--;
    }
    return s.substring(0, e);
  }

  protected static String trunc(String s, int n) {
    if (s == null) {
      return "";
    }
    return s.length() > n ? s.substring(0, n) : s;
  }
}
