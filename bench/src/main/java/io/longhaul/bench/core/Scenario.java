package io.longhaul.bench.core;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One configuration of a benchmark (e.g. N = 20 switches): its variants are measured in every
 * round, in alternating order (forward, then reversed) so drift in the machine's load does not
 * favour whichever runs first.
 */
public final class Scenario {

  private final String name;
  private final Map<String, Object> parameters = new LinkedHashMap<>();
  private final List<Variant> variants = new ArrayList<>();
  private final List<Check> checks = new ArrayList<>();
  private final Map<String, String> skipped = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();
  private final List<Map<String, Object>> rounds = new ArrayList<>();
  private final Map<String, List<Map<String, Double>>> figures = new LinkedHashMap<>();

  public Scenario(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  public Scenario parameter(String key, Object value) {
    parameters.put(key, value);
    return this;
  }

  public Scenario variant(String variant, String description, Trial trial) {
    variants.add(new Variant(variant, description, trial));
    return this;
  }

  /** A baseline that cannot run here (a tool is missing): reported, never silently dropped. */
  public Scenario skip(String variant, String reason) {
    skipped.put(variant, reason);
    return this;
  }

  public Scenario check(Check check) {
    checks.add(check);
    return this;
  }

  public Scenario note(String note) {
    notes.add(note);
    return this;
  }

  /** Runs {@code warmups} unrecorded rounds, then {@code count} recorded rounds. */
  public void run(int warmups, int count, PrintStream log) {
    for (int w = 0; w < warmups; w++) {
      for (Variant v : variants) {
        log.printf("  %s warm-up %s%n", name, v.name());
        measure(v, -1 - w, log);
      }
    }
    for (int r = 0; r < count; r++) {
      List<Variant> order = new ArrayList<>(variants);
      if (r % 2 == 1) {
        java.util.Collections.reverse(order);
      }
      var results = new LinkedHashMap<String, Object>();
      for (Variant v : order) {
        Map<String, Double> m = measure(v, r, log);
        results.put(v.name(), m);
        figures.computeIfAbsent(v.name(), k -> new ArrayList<>()).add(m);
        log.printf("  %s round %d %-18s %s%n", name, r + 1, v.name(), m);
      }
      var round = new LinkedHashMap<String, Object>();
      round.put("round", r + 1);
      round.put("order", order.stream().map(Variant::name).toList());
      round.put("loadAverage", Machine.loadAverage());
      round.put("results", results);
      rounds.add(round);
    }
  }

  private static Map<String, Double> measure(Variant v, int round, PrintStream log) {
    try {
      return v.trial().run(round);
    } catch (Exception | AssertionError e) {
      // A failed trial is a result too: it shows as an error and as missing figures.
      log.printf("  %s failed: %s%n", v.name(), e);
      var m = new LinkedHashMap<String, Double>();
      m.put("failed_trials", 1.0);
      return m;
    }
  }

  /** Per-round values of a check: ratios within each round, or one variant's figure. */
  List<Double> perRound(Check c) {
    var out = new ArrayList<Double>();
    List<Map<String, Double>> num = figures.getOrDefault(c.numerator(), List.of());
    List<Map<String, Double>> den =
        c.denominator() != null ? figures.getOrDefault(c.denominator(), List.of()) : null;
    for (int i = 0; i < num.size(); i++) {
      double n = num.get(i).getOrDefault(c.metric(), Double.NaN);
      if (den == null) {
        out.add(n);
      } else {
        double d = i < den.size() ? den.get(i).getOrDefault(c.metric(), Double.NaN) : Double.NaN;
        if (c.isDifference()) {
          out.add((n - d) / c.divisor());
        } else {
          out.add(d == 0 ? Double.NaN : n / d);
        }
      }
    }
    return out;
  }

  public Map<String, Object> toMap() {
    var m = new LinkedHashMap<String, Object>();
    m.put("name", name);
    m.put("parameters", parameters);
    var vs = new LinkedHashMap<String, Object>();
    variants.forEach(v -> vs.put(v.name(), v.description()));
    m.put("variants", vs);
    m.put("skipped", skipped);
    var summary = new LinkedHashMap<String, Object>();
    figures.forEach(
        (variant, rows) -> {
          var perMetric = new LinkedHashMap<String, Object>();
          rows.stream()
              .flatMap(r -> r.keySet().stream())
              .distinct()
              .forEach(
                  metric ->
                      perMetric.put(
                          metric,
                          Stats.of(
                                  rows.stream()
                                      .map(r -> r.getOrDefault(metric, Double.NaN))
                                      .toList())
                              .toMap()));
          summary.put(variant, perMetric);
        });
    m.put("summary", summary);
    var cs = new ArrayList<Object>();
    for (Check c : checks) {
      var values = perRound(c);
      Stats s = Stats.of(values);
      var cm = c.describe();
      cm.put("perRound", values);
      cm.put("stats", s.toMap());
      cm.put("met", c.met(s));
      cs.add(cm);
    }
    m.put("checks", cs);
    m.put("rounds", rounds);
    m.put("notes", notes);
    return m;
  }

  List<Check> checks() {
    return checks;
  }

  Map<String, String> skipped() {
    return skipped;
  }

  List<String> notes() {
    return notes;
  }

  Map<String, Object> parameters() {
    return parameters;
  }

  List<Map<String, Object>> rounds() {
    return rounds;
  }

  List<Variant> variants() {
    return variants;
  }
}
