package io.longhaul.bench.runbook;

import io.longhaul.api.runbook.RunbookCatalogs;
import io.longhaul.dsl.RunbookCompiler;
import io.longhaul.dsl.check.Catalogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How long validation takes for a large runbook: {@code steps} steps (default 500) of real registry
 * actions, each input referring to params and to an earlier step's output, one in ten inside a
 * foreach with an if, so every layer (YAML, schema, meaning, CEL) has work. Warm-up rounds first,
 * then the median, fastest and slowest of the measured rounds, written to {@code
 * bench/results/b6-runbook-validation.md}. Run: {@code java -cp ... RunbookValidationBench
 * [steps]}.
 */
public final class RunbookValidationBench {
  private RunbookValidationBench() {}

  static String runbook(int steps) {
    StringBuilder b =
        new StringBuilder(
            """
            name: big
            title: A large runbook
            params:
              type: object
              properties:
                site: {type: string, maxLength: 8}
                leaves: {type: array, items: {type: string, maxLength: 40}}
            site: site
            steps:
              - id: s0
                action: cluster.probe
                input: {cluster: "${params.site}-mesh"}
            """);
    for (int i = 1; i < steps; i++) {
      if (i % 10 == 0) {
        b.append("  - id: s")
            .append(i)
            .append("\n    foreach: params.leaves\n    as: leaf\n    steps:\n")
            .append("      - id: s")
            .append(i)
            .append("_if\n        if: steps.s0.output.healthy && leaf != ''\n")
            .append("        then:\n          - id: s")
            .append(i)
            .append("_plan\n")
            .append("            action: switch.plan-overlay\n")
            .append(
                "            input: {switchName: \"${leaf}\", bindings: [{interfaceName: e1, vlan: 5, vni: 1}]}\n");
      } else {
        b.append("  - id: s")
            .append(i)
            .append("\n    action: log\n    input: {message: \"after ${steps.s")
            .append(i % 10 == 1 ? 0 : i - 1)
            .append(i % 10 == 1 ? ".output.version" : ".output.message")
            .append("} at ${params.site}\"}\n    retry: shortCall\n");
      }
    }
    return b.toString();
  }

  public static void main(String[] args) throws IOException {
    int steps = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    String yaml = runbook(steps);
    Catalogs catalogs = new Catalogs(RunbookCatalogs.actions(), Catalogs.Runbooks.NONE);
    for (int i = 0; i < 10; i++) {
      check(RunbookCompiler.compile("big.yaml", yaml, catalogs));
    }
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      long t = System.nanoTime();
      check(RunbookCompiler.compile("big.yaml", yaml, catalogs));
      ms.add((System.nanoTime() - t) / 1e6);
    }
    Collections.sort(ms);
    String line =
        String.format(
            "%d steps (%d bytes of YAML): median %.1f ms, fastest %.1f ms, slowest %.1f ms over %d rounds after 10 warm-ups",
            steps, yaml.length(), ms.get(ms.size() / 2), ms.getFirst(), ms.getLast(), ms.size());
    System.out.println(line);
    Path out = Path.of("bench", "results", "b6-runbook-validation.md");
    Files.createDirectories(out.getParent());
    Files.writeString(
        out,
        "# B6 runbook validation\n\nYAML, structure schema, meaning checks and CEL type checks of one"
            + " generated runbook (RunbookValidationBench), on this machine's shared 2 cores:\n\n- "
            + line
            + "\n");
  }

  private static void check(RunbookCompiler.Compiled c) {
    if (!c.ok())
      throw new IllegalStateException(
          "the generated runbook is invalid: "
              + c.problems().subList(0, Math.min(5, c.problems().size())));
  }
}
