package io.longhaul.activities.meshcanary;

import io.longhaul.contracts.meshcanary.AnalysisSpec;

/**
 * The metrics a cohort is judged on: which way is worse, the hard threshold from the spec, and the
 * smallest shift that counts (a relative share of the baseline, or an absolute floor where a
 * relative one means nothing, as for a success rate near 1).
 */
enum CanaryMetric {
  SUCCESS_RATE("success-rate", false, false, 0.005),
  P99_LATENCY_MS("p99-latency-ms", true, true, 5),
  CONVERGENCE_P99_SECONDS("push-convergence-p99-s", true, true, 0.05),
  XDS_REJECTS_PER_SECOND("xds-rejects-per-s", true, false, 0.01);

  final String label;

  /** True when a higher value is worse. */
  final boolean higherIsWorse;

  /** True when the spec's tolerance applies relative to the baseline's median. */
  final boolean relative;

  /** The smallest absolute shift that counts, whatever the tolerance. */
  final double floor;

  CanaryMetric(String label, boolean higherIsWorse, boolean relative, double floor) {
    this.label = label;
    this.higherIsWorse = higherIsWorse;
    this.relative = relative;
    this.floor = floor;
  }

  double threshold(AnalysisSpec spec) {
    return switch (this) {
      case SUCCESS_RATE -> spec.minSuccessRate();
      case P99_LATENCY_MS -> spec.maxP99LatencyMs();
      case CONVERGENCE_P99_SECONDS -> spec.maxConvergenceSeconds();
      case XDS_REJECTS_PER_SECOND -> spec.maxRejectsPerSecond();
    };
  }

  boolean breaches(double value, AnalysisSpec spec) {
    return higherIsWorse ? value > threshold(spec) : value < threshold(spec);
  }
}
