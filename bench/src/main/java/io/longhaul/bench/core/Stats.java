package io.longhaul.bench.core;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Median and spread of a handful of figures (one per round). */
public record Stats(int n, double median, double min, double max, double q1, double q3) {

  public static Stats of(List<Double> values) {
    double[] v = values.stream().filter(d -> !d.isNaN()).mapToDouble(Double::doubleValue).toArray();
    if (v.length == 0) {
      return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    Arrays.sort(v);
    return new Stats(
        v.length, quantile(v, 0.5), v[0], v[v.length - 1], quantile(v, 0.25), quantile(v, 0.75));
  }

  /** Linear interpolation between the closest ranks (the common "type 7" definition). */
  static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  }

  public Map<String, Object> toMap() {
    var m = new LinkedHashMap<String, Object>();
    m.put("n", n);
    m.put("median", median);
    m.put("min", min);
    m.put("max", max);
    m.put("q1", q1);
    m.put("q3", q3);
    return m;
  }
}
