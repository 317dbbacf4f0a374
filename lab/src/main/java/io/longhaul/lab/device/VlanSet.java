package io.longhaul.lab.device;

import java.util.BitSet;
import java.util.SortedSet;
import java.util.TreeSet;

/** VLAN lists as switches print and parse them: {@code 10,20,30-35}, {@code none}, {@code all}. */
public final class VlanSet {
  public static final int MAX_VLAN = 4094;

  private VlanSet() {}

  public static BitSet all() {
    BitSet b = new BitSet(MAX_VLAN + 1);
    b.set(1, MAX_VLAN + 1);
    return b;
  }

  public static boolean isAll(BitSet b) {
    return b.cardinality() == MAX_VLAN && b.nextSetBit(0) == 1;
  }

  /** Parses {@code 10,20,30-35}; returns null when the text is not a valid VLAN list. */
  public static BitSet parse(String text) {
    BitSet b = new BitSet(MAX_VLAN + 1);
    if (text == null || text.isEmpty()) {
      return null;
    }
    for (String part : text.split(",", -1)) {
      String[] range = part.split("-", -1);
      if (range.length > 2) {
        return null;
      }
      int lo = number(range[0]);
      int hi = range.length == 2 ? number(range[1]) : lo;
      if (lo < 1 || hi < lo || hi > MAX_VLAN) {
        return null;
      }
      b.set(lo, hi + 1);
    }
    return b;
  }

  /**
   * Is every number of the list syntactically a number (to tell "bad number" from "bad syntax").
   */
  public static boolean looksNumeric(String text) {
    return text != null
        && !text.isEmpty()
        && text.chars().allMatch(c -> c == ',' || c == '-' || Character.isDigit(c));
  }

  static int number(String s) {
    if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Integer.parseInt(s);
  }

  public static String format(BitSet b) {
    if (b.isEmpty()) {
      return "none";
    }
    StringBuilder sb = new StringBuilder();
    int i = b.nextSetBit(0);
    while (i >= 0) {
      int end = b.nextClearBit(i) - 1;
      if (!sb.isEmpty()) {
        sb.append(',');
      }
      sb.append(i);
      if (end > i) {
        sb.append('-').append(end);
      }
      i = b.nextSetBit(end + 1);
    }
    return sb.toString();
  }

  public static SortedSet<Integer> toSet(BitSet b) {
    SortedSet<Integer> s = new TreeSet<>();
    b.stream().forEach(s::add);
    return s;
  }
}
