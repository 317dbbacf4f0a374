package io.longhaul.drivers.dialect;

import io.longhaul.drivers.Dialect;
import io.longhaul.drivers.capability.InterfaceStatus;
import io.longhaul.drivers.capability.LldpNeighbor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Table parsers shared by NX-OS and EOS, whose show commands differ only in column names. */
final class ShowParsers {
  private ShowParsers() {}

  /** {@code show vlan [brief]}: VLAN, Name, Status, Ports (ports continue on indented lines). */
  static Map<Integer, VlanRow> vlans(Dialect dialect, String text) {
    var rows = new LinkedHashMap<Integer, VlanRow>();
    int[] cols = null;
    VlanRow last = null;
    List<String> lastPorts = null;
    for (String line : lines(text)) {
      if (cols == null) {
        if (line.startsWith("VLAN") && line.contains("Status") && line.contains("Ports")) {
          cols = TextTables.columns(line, "VLAN", "Name", "Status", "Ports");
        }
        continue;
      }
      if (TextTables.ruler(line) || line.isBlank()) {
        if (line.isBlank() && last != null) {
          cols = null; // a blank line ends the table (show vlan prints more tables after)
        }
        continue;
      }
      var cells = TextTables.cut(line, cols);
      if (!cells.get(0).isEmpty() && cells.get(0).chars().allMatch(Character::isDigit)) {
        lastPorts = new ArrayList<>(ports(dialect, cells.get(3)));
        last = new VlanRow(Integer.parseInt(cells.get(0)), cells.get(1), cells.get(2), lastPorts);
        rows.put(last.id(), last);
      } else if (last != null && line.startsWith(" ")) {
        lastPorts.addAll(ports(dialect, line));
        last = new VlanRow(last.id(), last.name(), last.status(), lastPorts);
        rows.put(last.id(), last);
      } else {
        cols = null;
      }
    }
    return rows;
  }

  private static List<String> ports(Dialect dialect, String text) {
    var out = new ArrayList<String>();
    for (String p : text.split("[,\\s]+")) {
      if (!p.isBlank()) {
        out.add(InterfaceNames.canonical(dialect, p));
      }
    }
    return out;
  }

  /** {@code show interface(s) status}: connected means up; disabled means admin down. */
  static List<InterfaceStatus> interfaceStatus(Dialect dialect, String text) {
    var out = new ArrayList<InterfaceStatus>();
    int[] cols = null;
    for (String line : lines(text)) {
      if (cols == null) {
        if (line.startsWith("Port") && line.contains("Status") && line.contains("Vlan")) {
          cols = TextTables.columns(line, "Port", "Name", "Status", "Vlan");
        }
        continue;
      }
      if (TextTables.ruler(line) || line.isBlank()) {
        continue;
      }
      var cells = TextTables.cut(line, cols);
      String status = cells.get(2).split("\\s+")[0];
      String name = cells.get(1);
      String description = name.isEmpty() || name.equals("--") ? "" : name;
      out.add(
          new InterfaceStatus(
              InterfaceNames.canonical(dialect, cells.get(0)),
              0,
              !status.startsWith("disabled") && !status.startsWith("errdisabled"),
              status.equals("connected"),
              description));
    }
    return out;
  }

  static List<String> lines(String text) {
    return List.of(text.replace("\r", "").split("\n"));
  }

  static LldpNeighbor neighbor(Dialect dialect, String local, String system, String port) {
    return new LldpNeighbor(InterfaceNames.canonical(dialect, local), system, port);
  }
}
