package io.longhaul.lab.hdfs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ctrip's per-path cross-DC replica policy, written {@code B:3,C:0}: how many replicas of each
 * block each data center keeps.
 */
public record DcPolicy(int b, int c) {
  private static final Pattern TEXT = Pattern.compile("B:([0-3]),C:([0-3])");

  public DcPolicy {
    if (b < 0 || c < 0 || b > 3 || c > 3 || b + c == 0) {
      throw new IllegalArgumentException("a policy keeps 0 to 3 replicas per DC, at least one");
    }
  }

  /** Null for text that is not a policy. */
  public static DcPolicy parse(String text) {
    Matcher m = text == null ? null : TEXT.matcher(text);
    if (m == null || !m.matches()) {
      return null;
    }
    int b = Integer.parseInt(m.group(1));
    int c = Integer.parseInt(m.group(2));
    return b + c == 0 ? null : new DcPolicy(b, c);
  }

  public int of(String dc) {
    return "B".equals(dc) ? b : c;
  }

  public int total() {
    return b + c;
  }

  @Override
  public String toString() {
    return "B:" + b + ",C:" + c;
  }
}
