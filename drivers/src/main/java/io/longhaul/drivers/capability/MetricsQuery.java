package io.longhaul.drivers.capability;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A Prometheus-compatible query API: PromQL, instant and over a range. */
public interface MetricsQuery {

  /** One series of a result: its labels and its values (NaN and ±Inf kept as such). */
  record Series(Map<String, String> labels, double[] values) {}

  /** The instant vector at {@code at}. */
  List<Series> instant(String promql, Instant at);

  /** The range from {@code start} to {@code end} every {@code step}. */
  List<Series> range(String promql, Instant start, Instant end, Duration step);
}
