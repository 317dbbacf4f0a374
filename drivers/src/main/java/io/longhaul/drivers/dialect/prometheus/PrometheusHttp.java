package io.longhaul.drivers.dialect.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.capability.ClusterApi;
import io.longhaul.drivers.capability.MetricsQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prometheus's {@code /api/v1/query} and {@code /api/v1/query_range} through the cluster's HTTP API
 * (its inventory entry's URL, trust and credential). An answer whose status is not {@code success}
 * is a rejected command, naming Prometheus's own error.
 */
public final class PrometheusHttp implements MetricsQuery {
  private final String name;
  private final ClusterApi api;

  public PrometheusHttp(String name, ClusterApi api) {
    this.name = name;
    this.api = api;
  }

  @Override
  public List<Series> instant(String promql, Instant at) {
    return parse(promql, api.get("/api/v1/query?query=" + enc(promql) + "&time=" + seconds(at)));
  }

  @Override
  public List<Series> range(String promql, Instant start, Instant end, Duration step) {
    return parse(
        promql,
        api.get(
            "/api/v1/query_range?query="
                + enc(promql)
                + "&start="
                + seconds(start)
                + "&end="
                + seconds(end)
                + "&step="
                + step.toMillis() / 1000.0));
  }

  /** Parses a vector or matrix answer; pure, so tests feed it Prometheus's own documents. */
  static List<Series> parse(String name, String promql, JsonNode answer) {
    if (!"success".equals(answer.path("status").asText())) {
      throw new DeviceException.CommandRejected(
          name,
          "query " + promql,
          answer.path("errorType").asText() + ": " + answer.path("error").asText());
    }
    List<Series> out = new ArrayList<>();
    for (JsonNode r : answer.path("data").path("result")) {
      Map<String, String> labels = new LinkedHashMap<>();
      r.path("metric").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
      List<Double> values = new ArrayList<>();
      if (r.has("value")) {
        values.add(number(r.path("value").get(1).asText()));
      }
      for (JsonNode v : r.path("values")) {
        values.add(number(v.get(1).asText()));
      }
      out.add(new Series(labels, values.stream().mapToDouble(Double::doubleValue).toArray()));
    }
    return out;
  }

  private List<Series> parse(String promql, JsonNode answer) {
    return parse(name, promql, answer);
  }

  private static double number(String text) {
    return switch (text) {
      case "NaN" -> Double.NaN;
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String seconds(Instant t) {
    return Double.toString(t.toEpochMilli() / 1000.0);
  }
}
