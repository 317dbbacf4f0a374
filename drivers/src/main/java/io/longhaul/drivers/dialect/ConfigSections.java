package io.longhaul.drivers.dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a running configuration into top-level sections ({@code interface Ethernet1/1} and its
 * indented lines). Comment ({@code !}) and blank lines separate sections; both vendors indent
 * children (NX-OS by two spaces, EOS by three).
 */
public final class ConfigSections {
  private ConfigSections() {}

  /** A top-level line and its indented children, stripped. */
  public record Section(String head, List<String> lines) {}

  public static List<Section> parse(String config) {
    var sections = new ArrayList<Section>();
    String head = null;
    List<String> lines = new ArrayList<>();
    for (String raw : config.replace("\r", "").split("\n")) {
      if (raw.isBlank() || raw.startsWith("!")) {
        continue;
      }
      if (Character.isWhitespace(raw.charAt(0))) {
        if (head != null) {
          lines.add(raw.strip());
        }
        continue;
      }
      if (head != null) {
        sections.add(new Section(head, List.copyOf(lines)));
      }
      head = raw.strip();
      lines = new ArrayList<>();
    }
    if (head != null) {
      sections.add(new Section(head, List.copyOf(lines)));
    }
    return sections;
  }

  /** The running configuration without comment lines (timestamps), for before/after checks. */
  public static String withoutComments(String config) {
    var out = new StringBuilder();
    for (String line : config.replace("\r", "").split("\n")) {
      if (!line.startsWith("!") && !line.isBlank()) {
        out.append(line.stripTrailing()).append('\n');
      }
    }
    return out.toString();
  }
}
