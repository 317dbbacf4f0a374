package io.longhaul.drivers;

/** Renders untrusted text safely into messages and logs: control characters become escapes. */
public final class Printable {
  private Printable() {}

  /** Escapes everything outside printable ASCII and truncates to {@code max} characters. */
  public static String escape(String text, int max) {
    if (text == null) {
      return "null";
    }
    var out = new StringBuilder(Math.min(text.length(), max) + 8);
    for (int i = 0; i < text.length() && out.length() < max; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    if (out.length() >= max && text.length() > max) {
      out.append("...");
    }
    return out.toString();
  }
}
