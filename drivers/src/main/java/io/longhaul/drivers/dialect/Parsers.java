package io.longhaul.drivers.dialect;

import io.longhaul.drivers.Dialect;
import io.longhaul.drivers.capability.InterfaceStatus;
import io.longhaul.drivers.capability.LldpNeighbor;
import io.longhaul.drivers.capability.VlanState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Pure parsers for NX-OS and EOS show commands, tested on golden fixtures per dialect. */
public final class Parsers {
  private Parsers() {}

  public static Map<Integer, VlanRow> showVlan(Dialect dialect, String text) {
    return ShowParsers.vlans(dialect, text);
  }

  public static List<InterfaceStatus> showInterfaceStatus(Dialect dialect, String text) {
    return ShowParsers.interfaceStatus(dialect, text);
  }

  public static VlanState runningConfig(String text) {
    return RunningConfigs.vlanState(text);
  }

  /**
   * {@code show lldp neighbors}. NX-OS: Device ID, Local Intf, Hold-time, Capability, Port ID (a
   * long Device ID sits alone on its line, the rest follows on the next). EOS: Port, Neighbor
   * Device ID, Neighbor Port ID, TTL.
   */
  public static List<LldpNeighbor> showLldpNeighbors(Dialect dialect, String text) {
    var out = new ArrayList<LldpNeighbor>();
    boolean inTable = false;
    String pendingDevice = null;
    for (String line : ShowParsers.lines(text)) {
      if (!inTable) {
        inTable =
            dialect == Dialect.NXOS
                ? line.startsWith("Device ID") && line.contains("Port ID")
                : line.startsWith("Port") && line.contains("Neighbor Device ID");
        continue;
      }
      if (line.isBlank() || TextTables.ruler(line)) {
        continue;
      }
      if (line.startsWith("Total entries")) {
        break;
      }
      String[] t = line.strip().split("\\s+");
      if (dialect == Dialect.NXOS) {
        if (t.length == 1 && !line.startsWith(" ")) {
          pendingDevice = t[0];
          continue;
        }
        if (pendingDevice != null && line.startsWith(" ")) {
          out.add(ShowParsers.neighbor(dialect, t[0], pendingDevice, t[t.length - 1]));
          pendingDevice = null;
          continue;
        }
        if (t.length >= 4) {
          out.add(ShowParsers.neighbor(dialect, t[1], t[0], t[t.length - 1]));
        }
      } else if (t.length >= 4) {
        out.add(ShowParsers.neighbor(dialect, t[0], t[1], t[t.length - 2]));
      }
    }
    return out;
  }

  /** EOS {@code show session-config diffs}: added and removed lines, stripped of +/-. */
  public static SessionDiff sessionDiffs(String text) {
    var added = new ArrayList<String>();
    var removed = new ArrayList<String>();
    for (String line : ShowParsers.lines(text)) {
      if (line.startsWith("+++") || line.startsWith("---")) {
        continue;
      }
      if (line.startsWith("+")) {
        added.add(line.substring(1).strip());
      } else if (line.startsWith("-")) {
        removed.add(line.substring(1).strip());
      }
    }
    return new SessionDiff(added, removed);
  }

  /** A configuration session's pending changes. */
  public record SessionDiff(List<String> added, List<String> removed) {
    public SessionDiff {
      added = List.copyOf(added);
      removed = List.copyOf(removed);
    }

    public boolean empty() {
      return added.isEmpty() && removed.isEmpty();
    }
  }
}
