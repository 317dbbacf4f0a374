package io.longhaul.server.observe;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The histogram buckets of every timer, in one place. Micrometer's percentile histograms have ~70
 * buckets and Temporal's reporter gives each of its timers as many: after one spawn and two
 * discoveries that was 10,400 series and a 2.8 MB scrape. Here the timers dashboards and alerts
 * take quantiles of get a dozen buckets fitted to their range; every other Temporal timer keeps
 * count, sum and max only.
 */
final class Buckets implements MeterFilter {
  private static final Map<String, double[]> SECONDS = new LinkedHashMap<>();

  static {
    // a device call or a step: a quick CLI read to a long copy
    double[] work = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 14400};
    SECONDS.put("longhaul.device.calls", work);
    SECONDS.put("longhaul.step.duration", work);
    // a run: seconds to a week (parked runs wait for people)
    SECONDS.put(
        "longhaul.run.duration",
        new double[] {1, 10, 30, 60, 300, 900, 3600, 14400, 86400, 604800});
    // one PostgreSQL write
    SECONDS.put(
        "longhaul.journal.write",
        new double[] {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1});
    // a task waiting for a worker slot
    double[] queue = {0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300};
    SECONDS.put("temporal_activity_schedule_to_start_latency", queue);
    SECONDS.put("temporal_workflow_task_schedule_to_start_latency", queue);
  }

  @Override
  public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
    if (id.getType() != Meter.Type.TIMER) {
      return config;
    }
    double[] seconds = SECONDS.get(id.getName());
    if (seconds != null) {
      return DistributionStatisticConfig.builder()
          .percentilesHistogram(false)
          .serviceLevelObjectives(
              Arrays.stream(seconds)
                  .map(s -> (double) Duration.ofMillis((long) (s * 1000)).toNanos())
                  .toArray())
          .build()
          .merge(config);
    }
    if (id.getName().startsWith("temporal_")) {
      return DistributionStatisticConfig.builder()
          .percentilesHistogram(false)
          .serviceLevelObjectives()
          .build()
          .merge(config);
    }
    return config;
  }
}
