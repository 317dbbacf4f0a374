package io.longhaul.bench.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a benchmark's results as JSON (everything) and Markdown (the tables people read). */
public final class Report {
  private Report() {}

  public static Map<String, Object> toMap(
      Benchmark b,
      BenchConfig config,
      Instant started,
      Duration took,
      List<Double> loadBefore,
      List<Scenario> scenarios,
      List<String> notes) {
    var m = new LinkedHashMap<String, Object>();
    m.put("benchmark", b.name());
    m.put("title", b.title());
    m.put("targets", b.targets());
    m.put("smoke", config.smoke());
    m.put("rounds", config.rounds());
    m.put("warmupRounds", config.warmups());
    m.put("startedAt", started.toString());
    m.put("durationSeconds", took.toMillis() / 1000.0);
    m.put("machine", Machine.describe());
    m.put("loadAverageBefore", loadBefore);
    m.put("loadAverageAfter", Machine.loadAverage());
    m.put("scenarios", scenarios.stream().map(Scenario::toMap).toList());
    m.put("notes", notes);
    return m;
  }

  public static void write(Path dir, String name, Map<String, Object> result, List<Scenario> sc)
      throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(name + ".json"), Json.write(result));
    Files.writeString(dir.resolve(name + ".md"), markdown(result, sc));
  }

  @SuppressWarnings("unchecked")
  static String markdown(Map<String, Object> r, List<Scenario> scenarios) {
    var sb = new StringBuilder();
    sb.append("# ").append(r.get("title")).append("\n\n");
    if (Boolean.TRUE.equals(r.get("smoke"))) {
      sb.append("**Smoke run (tiny sizes): these figures measure nothing.**\n\n");
    }
    sb.append("Targets: ").append(r.get("targets")).append("\n\n");
    var machine = (Map<String, Object>) r.get("machine");
    sb.append("Machine: ")
        .append(machine.get("cores"))
        .append(" cores (")
        .append(machine.get("cpuModel"))
        .append("), ")
        .append(machine.get("memoryTotalMiB"))
        .append(" MiB, ")
        .append(machine.get("os"))
        .append(", ")
        .append(machine.get("jdk"))
        .append(". Started ")
        .append(r.get("startedAt"))
        .append(", took ")
        .append(r.get("durationSeconds"))
        .append(" s; load average before ")
        .append(r.get("loadAverageBefore"))
        .append(", after ")
        .append(r.get("loadAverageAfter"))
        .append(". ")
        .append(r.get("rounds"))
        .append(" recorded rounds after ")
        .append(r.get("warmupRounds"))
        .append(" warm-up; variants interleaved, order reversed every other round.\n\n");
    for (Scenario s : scenarios) {
      sb.append("## ").append(s.name()).append("\n\n");
      if (!s.parameters().isEmpty()) {
        sb.append("Parameters: ");
        s.parameters()
            .forEach((k, v) -> sb.append('`').append(k).append('=').append(v).append("` "));
        sb.append("\n\n");
      }
      for (Variant v : s.variants()) {
        sb.append("- **").append(v.name()).append("**: ").append(v.description()).append('\n');
      }
      s.skipped()
          .forEach(
              (v, why) ->
                  sb.append("- **").append(v).append("**: not run — ").append(why).append('\n'));
      sb.append('\n');
      if (!s.checks().isEmpty()) {
        sb.append("| figure | median | min – max | IQR | target | met |\n");
        sb.append("| --- | --- | --- | --- | --- | --- |\n");
        for (Check c : s.checks()) {
          Stats st = Stats.of(s.perRound(c));
          Boolean met = c.met(st);
          sb.append("| ")
              .append(c.name())
              .append(" | ")
              .append(figure(st.median()))
              .append(" | ")
              .append(figure(st.min()))
              .append(" – ")
              .append(figure(st.max()))
              .append(" | ")
              .append(figure(st.q1()))
              .append(" – ")
              .append(figure(st.q3()))
              .append(" | ")
              .append(c.targetText())
              .append(" | ")
              .append(met == null ? "n/a" : met ? "yes" : "**no**")
              .append(" |\n");
        }
        sb.append('\n');
      }
      sb.append("Raw figures per round:\n\n| round | variant | figures |\n| --- | --- | --- |\n");
      for (Map<String, Object> round : s.rounds()) {
        var results = (Map<String, Map<String, Double>>) round.get("results");
        results.forEach(
            (variant, figures) -> {
              sb.append("| ")
                  .append(round.get("round"))
                  .append(" | ")
                  .append(variant)
                  .append(" | ");
              figures.forEach((k, v) -> sb.append(k).append('=').append(figure(v)).append(' '));
              sb.append("|\n");
            });
      }
      sb.append('\n');
      s.notes().forEach(n -> sb.append("- ").append(n).append('\n'));
      sb.append('\n');
    }
    var notes = (List<String>) r.get("notes");
    if (!notes.isEmpty()) {
      sb.append("## Notes\n\n");
      notes.forEach(n -> sb.append("- ").append(n).append('\n'));
    }
    return sb.toString();
  }

  static String figure(double d) {
    if (Double.isNaN(d)) {
      return "–";
    }
    if (Math.abs(d) >= 100) {
      return String.format(java.util.Locale.ROOT, "%,.0f", d);
    }
    return new java.math.BigDecimal(d)
        .round(new java.math.MathContext(3))
        .stripTrailingZeros()
        .toPlainString();
  }
}
