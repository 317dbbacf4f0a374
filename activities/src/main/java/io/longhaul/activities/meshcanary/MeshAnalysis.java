package io.longhaul.activities.meshcanary;

import io.longhaul.contracts.meshcanary.AnalysisReport;
import io.longhaul.contracts.meshcanary.AnalysisRequest;
import io.longhaul.drivers.capability.MetricsQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One analysis interval ending at {@code end}: the PromQL range queries of every metric for the
 * canary (the sidecars and istiod of its revision) and the baseline (those of the stable revision),
 * then the judgement. Two queries per metric; without baseline namespaces left on stable (a 100 %
 * cohort) the request metrics are judged on their thresholds alone, one query each.
 */
public final class MeshAnalysis {
  private MeshAnalysis() {}

  public static AnalysisReport analyse(MetricsQuery prom, AnalysisRequest r, Instant end) {
    var spec = r.spec();
    Instant start = end.minusSeconds(spec.intervalSeconds());
    Duration step = Duration.ofSeconds(spec.stepSeconds());
    // rate() needs a few scrapes in its window; four steps, at least 5 s.
    int window = Math.max(5, 4 * spec.stepSeconds());
    Map<CanaryMetric, CanaryJudge.Samples> samples = new EnumMap<>(CanaryMetric.class);
    int queries = 0;
    for (CanaryMetric m : CanaryMetric.values()) {
      boolean perRevision =
          m == CanaryMetric.CONVERGENCE_P99_SECONDS || m == CanaryMetric.XDS_REJECTS_PER_SECOND;
      double[] canary =
          values(
              prom.range(
                  CanaryQueries.query(m, r.idc(), r.canaryRevision(), window), start, end, step));
      queries++;
      double[] baseline = new double[0];
      if (perRevision || !r.baseline().isEmpty()) {
        baseline =
            values(
                prom.range(
                    CanaryQueries.query(m, r.idc(), r.stableRevision(), window), start, end, step));
        queries++;
      }
      samples.put(m, new CanaryJudge.Samples(canary, baseline));
    }
    return CanaryJudge.judge(r.cohort(), r.interval(), end.toEpochMilli(), spec, samples, queries);
  }

  private static double[] values(List<MetricsQuery.Series> series) {
    return series.isEmpty() ? new double[0] : series.get(0).values();
  }
}
