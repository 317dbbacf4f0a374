package io.longhaul.activities.meshcanary;

import io.longhaul.contracts.meshcanary.AnalysisReport;
import io.longhaul.contracts.meshcanary.AnalysisReport.MetricScore;
import io.longhaul.contracts.meshcanary.AnalysisSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Kayenta's judgement, as pure code: each metric's canary samples against its baseline samples with
 * the Mann-Whitney U test ({@code high}/{@code low} when the shift is significant and larger than
 * the tolerance in the worse direction, else {@code pass}; {@code nodata} without canary samples,
 * which leaves the metric out of the score), the hard thresholds on the canary's median ({@code
 * breach} fails the cohort whatever the score), then the score (percent of scored metrics that
 * pass) against the pass and marginal cut-offs.
 */
final class CanaryJudge {
  private CanaryJudge() {}

  /** Samples per metric: canary and baseline (an empty baseline judges by thresholds only). */
  record Samples(double[] canary, double[] baseline) {}

  static AnalysisReport judge(
      int cohort,
      int interval,
      long atMillis,
      AnalysisSpec spec,
      Map<CanaryMetric, Samples> samples,
      int queries) {
    List<MetricScore> scores = new ArrayList<>();
    int scored = 0;
    int passed = 0;
    List<String> breaches = new ArrayList<>();
    List<String> shifted = new ArrayList<>();
    for (CanaryMetric m : CanaryMetric.values()) {
      Samples s = samples.get(m);
      double[] c = finite(s == null ? new double[0] : s.canary());
      double[] b = finite(s == null ? new double[0] : s.baseline());
      MetricScore score = score(m, spec, c, b);
      scores.add(score);
      switch (score.verdict()) {
        case "nodata" -> {}
        case "pass" -> {
          scored++;
          passed++;
        }
        case "breach" -> {
          scored++;
          breaches.add(
              m.label
                  + " "
                  + round(score.canary())
                  + " against threshold "
                  + round(score.threshold()));
        }
        default -> {
          scored++;
          shifted.add(
              m.label
                  + " "
                  + score.verdict()
                  + " ("
                  + round(score.canary())
                  + " vs "
                  + round(score.baseline())
                  + ", p="
                  + round(score.pValue())
                  + ")");
        }
      }
    }
    double pct = scored == 0 ? 0 : 100.0 * passed / scored;
    String verdict;
    String reason;
    if (!breaches.isEmpty()) {
      verdict = AnalysisReport.FAIL;
      reason = "hard threshold breached: " + String.join("; ", breaches);
    } else if (scored == 0) {
      verdict = AnalysisReport.MARGINAL;
      reason = "no metric had samples";
    } else {
      verdict =
          pct >= spec.passScore()
              ? AnalysisReport.PASS
              : pct >= spec.marginalScore() ? AnalysisReport.MARGINAL : AnalysisReport.FAIL;
      reason = shifted.isEmpty() ? "every metric within its baseline" : String.join("; ", shifted);
    }
    return new AnalysisReport(cohort, interval, atMillis, scores, pct, verdict, reason, queries);
  }

  static MetricScore score(CanaryMetric m, AnalysisSpec spec, double[] canary, double[] baseline) {
    double threshold = m.threshold(spec);
    if (canary.length == 0) {
      return new MetricScore(
          m.label,
          null,
          baseline.length == 0 ? null : MannWhitney.median(baseline),
          null,
          0,
          baseline.length,
          threshold,
          "nodata");
    }
    double cm = MannWhitney.median(canary);
    Double bm = baseline.length == 0 ? null : MannWhitney.median(baseline);
    if (m.breaches(cm, spec)) {
      Double p = bm == null ? null : MannWhitney.test(canary, baseline).pValue();
      return new MetricScore(
          m.label, cm, bm, p, canary.length, baseline.length, threshold, "breach");
    }
    if (bm == null) {
      return new MetricScore(m.label, cm, null, null, canary.length, 0, threshold, "pass");
    }
    MannWhitney.Result r = MannWhitney.test(canary, baseline);
    double allowed = Math.max(m.floor, m.relative ? spec.tolerance() * Math.abs(bm) : 0);
    boolean worse = m.higherIsWorse ? r.shift() > allowed : r.shift() < -allowed;
    String verdict = r.pValue() < spec.alpha() && worse ? (r.shift() > 0 ? "high" : "low") : "pass";
    return new MetricScore(
        m.label, cm, bm, r.pValue(), canary.length, baseline.length, threshold, verdict);
  }

  private static double[] finite(double[] v) {
    return Arrays.stream(v).filter(Double::isFinite).toArray();
  }

  private static String round(Double v) {
    return v == null ? "-" : String.format(java.util.Locale.ROOT, "%.4g", v);
  }
}
