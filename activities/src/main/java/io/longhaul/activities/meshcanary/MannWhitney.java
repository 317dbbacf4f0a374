package io.longhaul.activities.meshcanary;

import java.util.Arrays;

/**
 * The Mann-Whitney U test as Kayenta's canary judge uses it: does the canary's sample come from a
 * distribution shifted against the baseline's? Ranks with ties averaged, the normal approximation
 * with the tie correction of the variance and a continuity correction, two-sided; and the
 * Hodges-Lehmann estimate of the shift (the median of all canary − baseline differences). Pure
 * arithmetic; the known answers in its test come from SciPy's {@code mannwhitneyu}.
 */
public final class MannWhitney {
  private MannWhitney() {}

  /** U of the canary sample, the two-sided p-value and the estimated shift canary − baseline. */
  public record Result(double u, double pValue, double shift) {}

  public static Result test(double[] canary, double[] baseline) {
    int n1 = canary.length;
    int n2 = baseline.length;
    if (n1 == 0 || n2 == 0) {
      throw new IllegalArgumentException("both samples need at least one value");
    }
    int n = n1 + n2;
    double[][] all = new double[n][];
    for (int i = 0; i < n1; i++) {
      all[i] = new double[] {canary[i], 0};
    }
    for (int j = 0; j < n2; j++) {
      all[n1 + j] = new double[] {baseline[j], 1};
    }
    Arrays.sort(all, (a, b) -> Double.compare(a[0], b[0]));
    double rankSum = 0;
    double ties = 0; // Σ (t³ − t) over groups of tied values
    for (int i = 0; i < n; ) {
      int j = i;
      while (j + 1 < n && all[j + 1][0] == all[i][0]) {
        j++;
      }
      double rank = (i + j + 2) / 2.0; // ranks are 1-based: the group's average
      for (int k = i; k <= j; k++) {
        if (all[k][1] == 0) {
          rankSum += rank;
        }
      }
      double t = j - i + 1;
      ties += t * t * t - t;
      i = j + 1;
    }
    double u = rankSum - n1 * (n1 + 1) / 2.0;
    double mean = n1 * (double) n2 / 2.0;
    double variance = n1 * (double) n2 / 12.0 * ((n + 1) - ties / (n * (double) (n - 1)));
    double p;
    if (variance <= 0) {
      p = 1; // every value tied: no evidence of any shift
    } else {
      double z = (Math.abs(u - mean) - 0.5) / Math.sqrt(variance);
      p = Math.min(1, 2 * upperTail(Math.max(0, z)));
    }
    return new Result(u, p, hodgesLehmann(canary, baseline));
  }

  /** The median of the pairwise differences canary − baseline. */
  static double hodgesLehmann(double[] canary, double[] baseline) {
    double[] d = new double[canary.length * baseline.length];
    int k = 0;
    for (double c : canary) {
      for (double b : baseline) {
        d[k++] = c - b;
      }
    }
    return median(d);
  }

  public static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
  }

  /** P(Z > z) for a standard normal Z, from the complementary error function. */
  static double upperTail(double z) {
    return 0.5 * erfc(z / Math.sqrt(2));
  }

  /** erfc by the Chebyshev fit of Numerical Recipes ({@code erfcc}) (|ε| < 1.2e-7). */
  static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1 / (1 + 0.5 * z);
    double r =
        t
            * Math.exp(
                -z * z
                    - 1.26551223
                    + t
                        * (1.00002368
                            + t
                                * (0.37409196
                                    + t
                                        * (0.09678418
                                            + t
                                                * (-0.18628806
                                                    + t
                                                        * (0.27886807
                                                            + t
                                                                * (-1.13520398
                                                                    + t
                                                                        * (1.48851587
                                                                            + t
                                                                                * (-0.82215223
                                                                                    + t
                                                                                        * 0.17087277)))))))));
    return x >= 0 ? r : 2 - r;
  }
}
