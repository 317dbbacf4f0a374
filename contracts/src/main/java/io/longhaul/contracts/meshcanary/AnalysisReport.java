package io.longhaul.contracts.meshcanary;

import java.util.List;

/**
 * One analysis interval of one cohort: each metric's comparison, the score (percent of metrics that
 * passed), the verdict ({@code pass}, {@code marginal}, {@code fail}) and why, and how many PromQL
 * queries it took.
 */
public record AnalysisReport(
    int cohort,
    int interval,
    long atMillis,
    List<MetricScore> metrics,
    double score,
    String verdict,
    String reason,
    int queries) {

  public static final String PASS = "pass";
  public static final String MARGINAL = "marginal";
  public static final String FAIL = "fail";

  /**
   * One metric: canary and baseline medians over the interval's samples, the Mann-Whitney p-value
   * (null without a baseline), the hard threshold and whether it was breached, and the metric's
   * verdict ({@code pass}, {@code high}, {@code low}, {@code nodata}, {@code breach}).
   */
  public record MetricScore(
      String metric,
      Double canary,
      Double baseline,
      Double pValue,
      int canarySamples,
      int baselineSamples,
      double threshold,
      String verdict) {}
}
