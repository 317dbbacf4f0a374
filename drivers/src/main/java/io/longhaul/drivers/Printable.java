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

  /**
   * As {@link #escape} but keeps line breaks ({@code \r\n} and {@code \r} become {@code \n}): a
   * device's multi-line error stays readable for the operator, and nothing else unprintable
   * survives.
   */
  public static String lines(String text, int max) {
    if (text == null) {
      return "null";
    }
    String[] parts = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    var out = new StringBuilder();
    for (int i = 0; i < parts.length && out.length() < max; i++) {
      if (i > 0) {
        out.append('\n');
      }
      out.append(escape(parts[i], max - out.length()));
    }
    return out.toString();
  }

  /**
   * The text without control characters (C0, DEL, C1) or replacement characters, stripped: what a
   * device reports as a name is stored and compared in this form, so a NUL padding a recording's
   * ifDescr or an agent's sysName never reaches a name or the database.
   */
  public static String withoutControls(String text) {
    if (text == null) {
      return "";
    }
    var out = new StringBuilder(text.length());
    text.codePoints()
        .filter(c -> c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0) && c != 0xfffd)
        .forEach(out::appendCodePoint);
    return out.toString().strip();
  }
}
