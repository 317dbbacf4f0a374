package io.longhaul.contracts.meshcanary;

/**
 * How a cohort is judged. Every {@code intervalSeconds} the canary cohort's and a same-size stable
 * baseline's samples (one per scrape) are compared metric by metric with a Mann-Whitney U test: a
 * metric fails when the shift is significant at {@code alpha} and worse than {@code tolerance}
 * (relative). The score is the share of metrics that pass; {@code passScore} and above passes,
 * {@code marginalScore} and above is marginal, below fails. The hard thresholds fail the cohort
 * whatever the score: success rate under {@code minSuccessRate}, p99 latency over {@code
 * maxP99LatencyMs}, xDS push convergence p99 over {@code maxConvergenceSeconds}, xDS rejects over
 * {@code maxRejectsPerSecond}.
 */
public record AnalysisSpec(
    int intervalSeconds,
    int stepSeconds,
    double alpha,
    double tolerance,
    double passScore,
    double marginalScore,
    double minSuccessRate,
    double maxP99LatencyMs,
    double maxConvergenceSeconds,
    double maxRejectsPerSecond) {

  /** Kayenta's usual cut-offs, Istio's usual service objectives, 10 s intervals of 1 s samples. */
  public static AnalysisSpec defaults() {
    return new AnalysisSpec(10, 1, 0.05, 0.25, 95, 75, 0.99, 500, 1.0, 0.0);
  }
}
