package io.longhaul.lab.device;

import java.util.ArrayList;
import java.util.List;

/** A small unified diff (3 lines of context), as EOS prints session diffs. */
final class Diff {
  private Diff() {}

  static String unified(String a, String b, String nameA, String nameB) {
    String[] x = a.split("\n");
    String[] y = b.split("\n");
    int n = x.length;
    int m = y.length;
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            x[i].equals(y[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    // edit script: ' ', '-', '+' with line indexes
    List<char[]> ops = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    List<int[]> pos = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && x[i].equals(y[j])) {
        ops.add(new char[] {' '});
        texts.add(x[i]);
        pos.add(new int[] {i++, j++});
      } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
        ops.add(new char[] {'+'});
        texts.add(y[j]);
        pos.add(new int[] {i, j++});
      } else {
        ops.add(new char[] {'-'});
        texts.add(x[i]);
        pos.add(new int[] {i++, j});
      }
    }
    StringBuilder out = new StringBuilder();
    int k = 0;
    boolean header = false;
    while (k < ops.size()) {
      if (ops.get(k)[0] == ' ') {
        k++;
        continue;
      }
      int start = Math.max(0, k - 3);
      int end = k;
      // extend hunk while changes are within 6 lines of each other
      int last = k;
      for (int t = k; t < ops.size(); t++) {
        if (ops.get(t)[0] != ' ') {
          if (t - last > 6) {
            break;
          }
          last = t;
        }
      }
      end = Math.min(ops.size(), last + 4);
      int aStart = pos.get(start)[0];
      int bStart = pos.get(start)[1];
      int aLen = 0;
      int bLen = 0;
      for (int t = start; t < end; t++) {
        char op = ops.get(t)[0];
        if (op != '+') {
          aLen++;
        }
        if (op != '-') {
          bLen++;
        }
      }
      if (!header) {
        out.append("--- ").append(nameA).append('\n').append("+++ ").append(nameB).append('\n');
        header = true;
      }
      out.append("@@ -")
          .append(aStart + 1)
          .append(',')
          .append(aLen)
          .append(" +")
          .append(bStart + 1)
          .append(',')
          .append(bLen)
          .append(" @@\n");
      for (int t = start; t < end; t++) {
        out.append(ops.get(t)[0]).append(texts.get(t)).append('\n');
      }
      k = end;
    }
    return out.toString();
  }
}
