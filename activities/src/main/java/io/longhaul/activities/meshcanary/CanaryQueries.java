package io.longhaul.activities.meshcanary;

import java.util.regex.Pattern;

/**
 * The PromQL of one analysis, over Istio's metric names: the success rate and p99 request latency
 * of the sidecars on a revision (a cohort is exactly the sidecars on the canary, its baseline the
 * sidecars still on stable), and a revision's push convergence p99 and xDS reject rate. Every query
 * is scoped to the IDC by the {@code idc} label its scrape targets carry. Selecting by revision
 * keeps a query's size independent of the cohort's: 1,000 namespaces cost what 2 do (a namespace
 * list would outgrow a GET's 2 KiB path). Names are checked, so only a Kubernetes name reaches a
 * selector.
 */
final class CanaryQueries {
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,61}[a-z0-9])?");

  private CanaryQueries() {}

  static String query(CanaryMetric m, String idc, String revision, int window) {
    String w = "[" + window + "s]";
    String sel = "idc=\"" + name(idc) + "\",revision=\"" + name(revision) + "\"";
    String requests = "{" + sel + ",reporter=\"destination\"";
    return switch (m) {
      case SUCCESS_RATE ->
          "sum(rate(istio_requests_total"
              + requests
              + ",response_code!~\"5..\"}"
              + w
              + ")) / sum(rate(istio_requests_total"
              + requests
              + "}"
              + w
              + "))";
      case P99_LATENCY_MS ->
          "histogram_quantile(0.99, sum by (le) (rate(istio_request_duration_milliseconds_bucket"
              + requests
              + "}"
              + w
              + ")))";
      case CONVERGENCE_P99_SECONDS -> convergence(idc, revision, window);
      case XDS_REJECTS_PER_SECOND -> "sum(rate(pilot_total_xds_rejects{" + sel + "}" + w + "))";
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

  private static String name(String s) {
    if (s == null || !NAME.matcher(s).matches()) {
      throw new IllegalArgumentException(String.valueOf(s) + " is not a Kubernetes name");
    }
    return s;
  }
}
