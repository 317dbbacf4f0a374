package io.longhaul.activities.meshcanary;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The PromQL of one analysis, over Istio's metric names: a cohort's success rate and p99 request
 * latency (its namespaces, grouped by cluster into one selector each, joined with {@code or}), and
 * a revision's push convergence p99 and xDS reject rate. Every query is scoped to the IDC by the
 * {@code idc} label the IDC's scrape targets carry. Names are checked, so nothing but a Kubernetes
 * name reaches a selector.
 */
final class CanaryQueries {
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,61}[a-z0-9])?");

  private CanaryQueries() {}

  static String query(
      CanaryMetric m, String idc, List<String> namespaces, String revision, int window) {
    String w = "[" + window + "s]";
    return switch (m) {
      case SUCCESS_RATE ->
          "sum("
              + rates("istio_requests_total", idc, namespaces, ",response_code!~\"5..\"", w)
              + ") / sum("
              + rates("istio_requests_total", idc, namespaces, "", w)
              + ")";
      case P99_LATENCY_MS ->
          "histogram_quantile(0.99, sum by (le) ("
              + rates("istio_request_duration_milliseconds_bucket", idc, namespaces, "", w)
              + "))";
      case CONVERGENCE_P99_SECONDS -> convergence(idc, revision, window);
      case XDS_REJECTS_PER_SECOND ->
          "sum(rate(pilot_total_xds_rejects{idc=\""
              + name(idc)
              + "\",revision=\""
              + name(revision)
              + "\"}"
              + w
              + "))";
    };
  }

  static String convergence(String idc, String revision, int window) {
    return "histogram_quantile(0.99, sum by (le) (rate(pilot_proxy_convergence_time_bucket{idc=\""
        + name(idc)
        + "\",revision=\""
        + name(revision)
        + "\"}["
        + window
        + "s])))";
  }

  static String queue(String idc, String revision) {
    return "max(pilot_push_queue_pending{idc=\""
        + name(idc)
        + "\",revision=\""
        + name(revision)
        + "\"})";
  }

  /** {@code rate(metric{cluster A's namespaces}[w]) or rate(metric{cluster B's}[w]) ...}. */
  private static String rates(
      String metric, String idc, List<String> namespaces, String extra, String w) {
    Map<String, List<String>> byCluster = new TreeMap<>();
    for (String cn : namespaces) {
      int slash = cn.indexOf('/');
      byCluster
          .computeIfAbsent(name(cn.substring(0, slash)), k -> new java.util.ArrayList<>())
          .add(name(cn.substring(slash + 1)));
    }
    return byCluster.entrySet().stream()
        .map(
            e ->
                "rate("
                    + metric
                    + "{idc=\""
                    + name(idc)
                    + "\",reporter=\"destination\",destination_cluster=\""
                    + e.getKey()
                    + "\",destination_workload_namespace=~\""
                    + String.join("|", e.getValue())
                    + "\""
                    + extra
                    + "}"
                    + w
                    + ")")
        .collect(Collectors.joining(" or "));
  }

  private static String name(String s) {
    if (s == null || !NAME.matcher(s).matches()) {
      throw new IllegalArgumentException(String.valueOf(s) + " is not a Kubernetes name");
    }
    return s;
  }
}
