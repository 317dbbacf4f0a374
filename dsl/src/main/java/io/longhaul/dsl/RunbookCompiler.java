package io.longhaul.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import io.longhaul.dsl.check.Catalogs;
import io.longhaul.dsl.check.MeaningCheck;
import io.longhaul.dsl.check.StructureCheck;
import io.longhaul.dsl.model.ForeachStep;
import io.longhaul.dsl.model.IfStep;
import io.longhaul.dsl.model.ParallelStep;
import io.longhaul.dsl.model.Runbook;
import io.longhaul.dsl.model.RunbookCallStep;
import io.longhaul.dsl.model.RunbookStep;
import io.longhaul.dsl.model.WindowStep;
import io.longhaul.dsl.parse.RunbookReader;
import io.longhaul.dsl.parse.YamlTree;
import java.util.List;
import java.util.Map;

/**
 * YAML text to a validated runbook, or the problems that stop it: YAML syntax, then structure (JSON
 * Schema), then meaning; each stage runs only on what the previous one accepted, so an author sees
 * the first layer of mistakes at once, each at its line and column. A called runbook is pinned into
 * the result at the version found.
 */
public final class RunbookCompiler {
  private RunbookCompiler() {}

  public record Compiled(Runbook runbook, List<Problem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  public static Compiled compile(String file, String text, Catalogs catalogs) {
    YamlTree.Parsed parsed = YamlTree.parse(file, text);
    if (!parsed.problems().isEmpty()) return new Compiled(null, sorted(parsed.problems()));
    JsonNode tree = parsed.tree();
    if (!tree.isObject()) {
      return new Compiled(
          null,
          List.of(new Problem(file, 1, 1, "", "a runbook is a mapping: name, title, steps, ...")));
    }
    List<Problem> structure = StructureCheck.check(file, tree, parsed.positions());
    if (!structure.isEmpty()) return new Compiled(null, sorted(structure));
    MeaningCheck.Result meaning = MeaningCheck.check(file, tree, parsed.positions(), catalogs);
    if (!meaning.problems().isEmpty()) return new Compiled(null, meaning.problems());
    Runbook read = RunbookReader.read(tree);
    return new Compiled(
        new Runbook(
            read.name(),
            read.title(),
            read.description(),
            read.params(),
            read.siteParam(),
            read.scopes(),
            read.leases(),
            pin(read.steps(), meaning.children())),
        List.of());
  }

  private static List<Problem> sorted(List<Problem> problems) {
    return problems.stream().sorted().distinct().toList();
  }

  private static List<RunbookStep> pin(
      List<RunbookStep> steps, Map<String, Catalogs.Pinned> children) {
    return steps.stream().map(s -> pin(s, children)).toList();
  }

  private static RunbookStep pin(RunbookStep s, Map<String, Catalogs.Pinned> c) {
    return switch (s) {
      case RunbookCallStep r -> {
        Catalogs.Pinned p = c.get(r.id());
        yield r.pinned(p.version(), p.definition());
      }
      case ParallelStep p -> new ParallelStep(p.id(), p.options(), pin(p.steps(), c));
      case ForeachStep f ->
          new ForeachStep(
              f.id(), f.options(), f.items(), f.as(), f.concurrency(), pin(f.steps(), c));
      case IfStep i ->
          new IfStep(i.id(), i.options(), i.condition(), pin(i.then(), c), pin(i.otherwise(), c));
      case WindowStep w ->
          new WindowStep(w.id(), w.options(), w.scopes(), w.expected(), pin(w.steps(), c));
      default -> s;
    };
  }
}
