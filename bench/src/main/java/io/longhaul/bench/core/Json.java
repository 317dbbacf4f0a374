package io.longhaul.bench.core;

import java.util.Collection;
import java.util.Map;

/** A minimal JSON writer for the result tree (maps, lists, strings, numbers, booleans, null). */
public final class Json {
  private Json() {}

  public static String write(Object value) {
    var sb = new StringBuilder();
    write(sb, value, 0);
    return sb.append('\n').toString();
  }

  private static void write(StringBuilder sb, Object v, int indent) {
    switch (v) {
      case null -> sb.append("null");
      case String s -> string(sb, s);
      case Boolean b -> sb.append(b);
      case Double d -> number(sb, d);
      case Float f -> number(sb, f.doubleValue());
      case Number n -> sb.append(n);
      case Map<?, ?> m -> {
        if (m.isEmpty()) {
          sb.append("{}");
          return;
        }
        sb.append("{\n");
        int i = 0;
        for (var e : m.entrySet()) {
          pad(sb, indent + 2);
          string(sb, String.valueOf(e.getKey()));
          sb.append(": ");
          write(sb, e.getValue(), indent + 2);
          sb.append(++i < m.size() ? ",\n" : "\n");
        }
        pad(sb, indent);
        sb.append('}');
      }
      case Collection<?> c -> {
        if (c.isEmpty()) {
          sb.append("[]");
          return;
        }
        sb.append("[\n");
        int i = 0;
        for (Object o : c) {
          pad(sb, indent + 2);
          write(sb, o, indent + 2);
          sb.append(++i < c.size() ? ",\n" : "\n");
        }
        pad(sb, indent);
        sb.append(']');
      }
      default -> string(sb, v.toString());
    }
  }

  /** NaN and infinities are not JSON: a missing figure is written as null. */
  private static void number(StringBuilder sb, double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      sb.append("null");
    } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      sb.append((long) d);
    } else {
      // Six significant digits: figures from a noisy machine carry no more.
      sb.append(
          new java.math.BigDecimal(d)
              .round(new java.math.MathContext(6))
              .stripTrailingZeros()
              .toPlainString());
    }
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  private static void pad(StringBuilder sb, int n) {
    sb.append(" ".repeat(n));
  }
}
