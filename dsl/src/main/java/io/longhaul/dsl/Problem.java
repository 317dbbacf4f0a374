package io.longhaul.dsl;

/**
 * One thing wrong with a runbook, where it is (1-based line and column, the JSON pointer of the
 * node) and what to do about it.
 */
public record Problem(String file, int line, int column, String path, String message)
    implements Comparable<Problem> {

  @Override
  public int compareTo(Problem o) {
    int c = Integer.compare(line, o.line);
    if (c == 0) c = Integer.compare(column, o.column);
    return c != 0 ? c : message.compareTo(o.message);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + message;
  }
}
