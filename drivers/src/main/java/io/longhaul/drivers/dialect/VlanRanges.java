package io.longhaul.drivers.dialect;

import java.util.SortedSet;
import java.util.TreeSet;

/** VLAN lists as CLIs print them: {@code 1,100,200-210}, {@code none}, {@code all}. */
public final class VlanRanges {
  private VlanRanges() {}

  public static final int MAX = 4094;

  public static SortedSet<Integer> parse(String text) {
    var out = new TreeSet<Integer>();
    String t = text.strip();
    if (t.isEmpty() || t.equals("none")) {
      return out;
    }
    if (t.equals("all")) {
      return all();
    }
    for (String part : t.split(",")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      int dash = p.indexOf('-');
      if (dash < 0) {
        out.add(Integer.parseInt(p));
      } else {
        int from = Integer.parseInt(p.substring(0, dash).strip());
        int to = Integer.parseInt(p.substring(dash + 1).strip());
        for (int v = from; v <= to; v++) {
          out.add(v);
        }
      }
    }
    return out;
  }

  public static SortedSet<Integer> all() {
    var out = new TreeSet<Integer>();
    for (int v = 1; v <= MAX; v++) {
      out.add(v);
    }
    return out;
  }

  /** Compact form, {@code none} when empty. */
  public static String format(SortedSet<Integer> vlans) {
    if (vlans.isEmpty()) {
      return "none";
    }
    var out = new StringBuilder();
    Integer start = null;
    Integer prev = null;
    for (int v : vlans) {
      if (prev != null && v == prev + 1) {
        prev = v;
        continue;
      }
      if (start != null) {
        append(out, start, prev);
      }
      start = v;
      prev = v;
    }
    append(out, start, prev);
    return out.toString();
  }

  private static void append(StringBuilder out, int from, int to) {
    if (!out.isEmpty()) {
      out.append(',');
    }
    out.append(from);
    if (to > from) {
      out.append('-').append(to);
    }
  }
}
