package io.longhaul.dsl.parse;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each node of a parsed YAML document starts, by JSON pointer ({@code /steps/0/input/vlan});
 * for a mapping's keys also where the key starts, so an unknown field is shown at its name.
 */
public final class SourceMap {
  /** A 1-based position. */
  public record Pos(int line, int column) {}

  private final Map<String, Pos> values = new HashMap<>();
  private final Map<String, Pos> keys = new HashMap<>();
  private final Map<String, Integer> shifts = new HashMap<>();

  void value(String pointer, Pos pos) {
    values.put(pointer, pos);
  }

  void key(String pointer, Pos pos) {
    keys.put(pointer, pos);
  }

  void quoted(String pointer) {
    shifts.put(pointer, 1);
  }

  /**
   * Where the text of the scalar at {@code pointer} starts: after its quote, if quoted. Block
   * scalars start on the next line; they are placed at their indicator.
   */
  public Pos textOf(String pointer) {
    Pos p = of(pointer);
    return new Pos(p.line(), p.column() + shifts.getOrDefault(pointer, 0));
  }

  /** The position of the node at {@code pointer}, or of its nearest ancestor that has one. */
  public Pos of(String pointer) {
    String p = pointer;
    while (true) {
      Pos pos = values.get(p);
      if (pos != null) return pos;
      if (p.isEmpty()) return new Pos(1, 1);
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }

  /** The position of the key naming the node at {@code pointer} (its value's if no key). */
  public Pos keyOf(String pointer) {
    Pos pos = keys.get(pointer);
    return pos != null ? pos : of(pointer);
  }

  public static String child(String pointer, String key) {
    return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  public static String child(String pointer, int index) {
    return pointer + "/" + index;
  }
}
