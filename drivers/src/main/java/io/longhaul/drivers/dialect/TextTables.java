package io.longhaul.drivers.dialect;

import java.util.ArrayList;
import java.util.List;

/** Fixed-width CLI tables: columns start where the header words start. */
public final class TextTables {
  private TextTables() {}

  /** Start offsets of each header word, in order; -1 if a word is missing. */
  public static int[] columns(String header, String... words) {
    int[] starts = new int[words.length];
    int from = 0;
    for (int i = 0; i < words.length; i++) {
      int at = header.indexOf(words[i], from);
      starts[i] = at;
      if (at >= 0) {
        from = at + words[i].length();
      }
    }
    return starts;
  }

  /** Cuts a data line at the column starts. */
  public static List<String> cut(String line, int[] starts) {
    var cells = new ArrayList<String>(starts.length);
    for (int i = 0; i < starts.length; i++) {
      int from = Math.min(starts[i], line.length());
      int to = i + 1 < starts.length ? Math.min(starts[i + 1], line.length()) : line.length();
      cells.add(from >= to ? "" : line.substring(from, to).strip());
    }
    return cells;
  }

  /** Whether the line is a ruler like {@code ---- ------}. */
  public static boolean ruler(String line) {
    String s = line.strip();
    return !s.isEmpty() && s.chars().allMatch(c -> c == '-' || c == ' ');
  }
}
