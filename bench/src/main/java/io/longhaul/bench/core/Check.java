package io.longhaul.bench.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A figure compared with the target. A ratio is computed inside each round (numerator's
 * metric over denominator's, both measured minutes apart under the same load), then summarised over
 * rounds; an absolute check summarises one variant's metric.
 *
 * @param denominator null for an absolute check
 * @param atLeast true when the target is a floor (≥), false for a ceiling (≤)
 */
public record Check(
    String name,
    String numerator,
    String denominator,
    String metric,
    double target,
    boolean atLeast,
    String unit,
    double divisor) {

  public Check(
      String name,
      String numerator,
      String denominator,
      String metric,
      double target,
      boolean atLeast,
      String unit) {
    this(name, numerator, denominator, metric, target, atLeast, unit, Double.NaN);
  }

  /**
   * {@code (numerator − denominator) / divisor} within each round, at most {@code target}: e.g. the
   * orchestration overhead per step, (Longhaul − direct) / steps.
   */
  public static Check differenceAtMost(
      String name,
      String numerator,
      String denominator,
      String metric,
      double divisor,
      double atMostTarget,
      String unit) {
    return new Check(name, numerator, denominator, metric, atMostTarget, false, unit, divisor);
  }

  public static Check ratio(
      String name, String numerator, String denominator, String metric, double atLeastTarget) {
    return new Check(name, numerator, denominator, metric, atLeastTarget, true, "x");
  }

  public static Check ratioAtMost(
      String name, String numerator, String denominator, String metric, double atMostTarget) {
    return new Check(name, numerator, denominator, metric, atMostTarget, false, "x");
  }

  /** A ratio reported without a target (the issue asks for the figure, not a threshold). */
  public static Check info(String name, String numerator, String denominator, String metric) {
    return new Check(name, numerator, denominator, metric, Double.NaN, true, "x");
  }

  public static Check atLeast(String name, String variant, String metric, double t, String unit) {
    return new Check(name, variant, null, metric, t, true, unit);
  }

  public static Check atMost(String name, String variant, String metric, double t, String unit) {
    return new Check(name, variant, null, metric, t, false, unit);
  }

  public boolean isRatio() {
    return denominator != null && !isDifference();
  }

  public boolean isDifference() {
    return denominator != null && !Double.isNaN(divisor);
  }

  public String targetText() {
    if (Double.isNaN(target)) {
      return "none";
    }
    return (atLeast ? "≥ " : "≤ ") + Report.figure(target) + " " + unit;
  }

  /** Judged on the median, the figure the targets speak of. */
  public Boolean met(Stats s) {
    if (s.n() == 0 || Double.isNaN(target)) {
      return null;
    }
    return atLeast ? s.median() >= target : s.median() <= target;
  }

  Map<String, Object> describe() {
    var m = new LinkedHashMap<String, Object>();
    m.put("name", name);
    m.put("kind", isDifference() ? "difference" : isRatio() ? "ratio" : "absolute");
    m.put("numerator", numerator);
    if (denominator != null) {
      m.put("denominator", denominator);
    }
    if (isDifference()) {
      m.put("divisor", divisor);
    }
    m.put("metric", metric);
    m.put("target", targetText());
    return m;
  }
}
