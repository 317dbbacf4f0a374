package io.longhaul.dsl.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.longhaul.dsl.Problem;
import io.longhaul.dsl.model.RunbookStep;
import io.longhaul.dsl.parse.SourceMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a structurally valid runbook means, checked: unique ids, known actions and runbooks, inputs
 * of the right types, references only to steps that ran before and can be seen, CEL types,
 * compensation where an action needs one, no step after a {@code fail}.
 */
public final class MeaningCheck {
  private final String file;
  private final SourceMap map;
  private final Catalogs catalogs;
  private final List<Problem> out = new ArrayList<>();
  private final StepIndex index = new StepIndex();
  private final ValueCheck values;
  private final Map<String, Catalogs.Pinned> children = new HashMap<>();

  private MeaningCheck(String file, SourceMap map, Catalogs catalogs) {
    this.file = file;
    this.map = map;
    this.catalogs = catalogs;
    this.values = new ValueCheck(file, map, out, index);
  }

  /** The problems, and the child runbooks found (by call step id) for the caller to pin. */
  public record Result(List<Problem> problems, Map<String, Catalogs.Pinned> children) {}

  public static Result check(String file, JsonNode tree, SourceMap map, Catalogs catalogs) {
    MeaningCheck c = new MeaningCheck(file, map, catalogs);
    c.indexSteps(tree.path("steps"), "/steps", "the runbook");
    Map<String, ValueType> params = new HashMap<>();
    // The run itself: its change id keys idempotent device changes, as in built-in operations.
    params.put("run.changeId", ValueType.STRING);
    params.put("run.id", ValueType.STRING);
    tree.path("params")
        .path("properties")
        .properties()
        .forEach(e -> params.put("params." + e.getKey(), ValueType.ofSchema(e.getValue())));
    if (tree.hasNonNull("site") && !params.containsKey("params." + tree.get("site").asText())) {
      c.values.problem(
          "/site",
          "`site` names parameter `"
              + tree.get("site").asText()
              + "`, which `params` does not declare; declare it (type: string) or name another");
    }
    ParamSchema.bounded(tree.path("params"), "/params", c.values);
    Scope root = new Scope(Map.copyOf(params), Set.of(), 0);
    for (String f : List.of("scopes", "leases")) {
      for (int i = 0; i < tree.path(f).size(); i++) {
        c.values.template(tree.path(f).get(i).asText(), "/" + f + "/" + i, root);
      }
    }
    c.block(tree.path("steps"), "/steps", root);
    out(c.out);
    return new Result(List.copyOf(c.out), Map.copyOf(c.children));
  }

  private static void out(List<Problem> problems) {
    List<Problem> sorted = new ArrayList<>(new java.util.LinkedHashSet<>(problems));
    sorted.sort(null);
    problems.clear();
    problems.addAll(sorted);
  }

  private void indexSteps(JsonNode steps, String at, String parent) {
    for (int i = 0; i < steps.size(); i++) {
      JsonNode s = steps.get(i);
      String p = SourceMap.child(at, i);
      String id = s.path("id").asText();
      ActionSpec spec = s.has("action") ? catalogs.actions().get(s.path("action").asText()) : null;
      var previous = index.add(new StepIndex.Entry(id, p, index.size(), parent, spec));
      if (previous != null) {
        values.problem(
            p + "/id",
            "step id `"
                + id
                + "` is already used at line "
                + map.of(previous.pointer()).line()
                + "; ids are unique in a runbook");
      }
      String kind = "the `" + kindOf(s) + "` step `" + id + "`";
      for (String nested : List.of("parallel", "steps", "then", "else")) {
        indexSteps(s.path(nested), SourceMap.child(p, nested), kind);
      }
      indexSteps(s.path("window").path("steps"), p + "/window/steps", kind);
    }
  }

  private static String kindOf(JsonNode s) {
    if (s.has("wait-until")) return "wait-until";
    return RunbookStep.KINDS.stream().filter(s::has).findFirst().orElse("?");
  }

  /** Checks a block's steps in order; returns the scope after it (its steps visible). */
  private Scope block(JsonNode steps, String at, Scope scope) {
    String failed = null;
    for (int i = 0; i < steps.size(); i++) {
      JsonNode s = steps.get(i);
      String p = SourceMap.child(at, i);
      String id = s.path("id").asText();
      if (failed != null) {
        values.problem(
            p,
            "step `"
                + id
                + "` can never run: `fail` step `"
                + failed
                + "` ends the run before it; remove it, or put the `fail` inside an `if`");
        continue;
      }
      StepIndex.Entry e = index.get(id);
      scope = step(s, p, scope.at(e == null ? scope.order() : e.order()));
      if (s.has("fail")) failed = id;
    }
    return scope;
  }

  private Scope step(JsonNode s, String p, Scope scope) {
    String id = s.path("id").asText();
    options(s, p, scope);
    switch (kindOf(s)) {
      case "wait-until" -> {
        ActionSpec spec = action(s, p, scope, true);
        if (spec != null) {
          ValueType t =
              values.bare(
                  s.path("wait-until").asText(),
                  p + "/wait-until",
                  scope.with(ValueCheck.outputVars("output", spec)));
          values.mustBeBool(t, p + "/wait-until", "a wait-until condition");
          return scope.seeing(id, ValueCheck.outputVars("steps." + id + ".output", spec));
        }
      }
      case "action" -> {
        ActionSpec spec = action(s, p, scope, false);
        if (spec != null)
          return scope.seeing(id, ValueCheck.outputVars("steps." + id + ".output", spec));
      }
      case "parallel" -> {
        Scope after = scope;
        JsonNode branches = s.path("parallel");
        for (int i = 0; i < branches.size(); i++) {
          Scope branch = step(branches.get(i), SourceMap.child(p + "/parallel", i), scope);
          for (String v : branch.visible()) {
            if (!scope.sees(v)) after = after.seeing(v, onlyOf(branch, v));
          }
        }
        return after;
      }
      case "foreach" -> {
        ValueType items = values.bare(s.path("foreach").asText(), p + "/foreach", scope);
        ValueType elem = ValueType.DYN;
        if (items != null && !items.kind().equals("list") && !items.kind().equals("dyn")) {
          values.problem(p + "/foreach", "`foreach` iterates over a list, but this is " + items);
        } else if (items != null && items.elem() != null) {
          elem = items.elem();
        }
        String as = s.path("as").asText("item");
        block(s.path("steps"), p + "/steps", scope.with(Map.of(as, elem)));
      }
      case "if" -> {
        values.mustBeBool(
            values.bare(s.path("if").asText(), p + "/if", scope), p + "/if", "an `if` condition");
        block(s.path("then"), p + "/then", scope);
        block(s.path("else"), p + "/else", scope);
      }
      case "approval" ->
          values.template(s.path("approval").path("plan").asText(), p + "/approval/plan", scope);
      case "window" -> {
        JsonNode scopes = s.path("window").path("scopes");
        for (int i = 0; i < scopes.size(); i++)
          values.scopeText(scopes.get(i).asText(), p + "/window/scopes/" + i, scope);
        return block(s.path("window").path("steps"), p + "/window/steps", scope);
      }
      case "runbook" -> call(s, p, scope);
      case "fail" -> values.template(s.path("fail").asText(), p + "/fail", scope);
      default -> {}
    }
    return scope;
  }

  private static Map<String, ValueType> onlyOf(Scope branch, String step) {
    Map<String, ValueType> m = new HashMap<>();
    branch
        .vars()
        .forEach(
            (k, v) -> {
              if (k.startsWith("steps." + step + ".")) m.put(k, v);
            });
    return m;
  }

  private ActionSpec action(JsonNode s, String p, Scope scope, boolean polled) {
    String name = s.path("action").asText();
    ActionSpec spec = catalogs.actions().get(name);
    if (spec == null) {
      values.problem(
          p + "/action",
          "no action named `"
              + name
              + "`"
              + Suggest.closest(name, catalogs.actions().keySet())
              + "; GET /api/v1/runbooks/actions lists them");
      return null;
    }
    if (polled && !spec.read()) {
      values.problem(
          p + "/action",
          "`wait-until` calls its action again and again, and `"
              + name
              + "` changes things; poll an action that only reads");
    }
    values.input(spec, s.path("input"), p + "/input", p, scope);
    JsonNode c = s.path("compensate");
    if (c.isObject()) {
      ActionSpec undo = catalogs.actions().get(c.path("action").asText());
      if (undo == null) {
        values.problem(
            p + "/compensate/action",
            "no action named `"
                + c.path("action").asText()
                + "`"
                + Suggest.closest(c.path("action").asText(), catalogs.actions().keySet()));
      } else {
        values.input(
            undo,
            c.path("input"),
            p + "/compensate/input",
            p + "/compensate",
            scope.with(ValueCheck.outputVars("output", spec)));
      }
    } else if (spec.undo() == ActionSpec.Undo.REQUIRED) {
      values.problemAtKey(
          p + "/action",
          "action `"
              + name
              + "` changes a device and cannot undo itself: add `compensate:`"
              + " with the action and input that reverse it"
              + (spec.undoAction() == null ? "" : " (e.g. `" + spec.undoAction() + "`)"));
    }
    return spec;
  }

  private void options(JsonNode s, String p, Scope scope) {
    JsonNode leases = s.path("leases");
    for (int i = 0; i < leases.size(); i++)
      values.template(leases.get(i).asText(), p + "/leases/" + i, scope);
    if (s.has("compensate") && !s.has("action")) {
      values.problemAtKey(
          p + "/compensate",
          "only an `action` step can be compensated; put the `compensate` on the action inside");
    }
  }

  private void call(JsonNode s, String p, Scope scope) {
    String name = s.path("runbook").asText();
    Integer version = s.has("version") ? s.get("version").asInt() : null;
    var child = catalogs.runbooks().find(name, version);
    if (child.isEmpty()) {
      values.problem(
          p + "/runbook",
          "no runbook named `"
              + name
              + "`"
              + (version == null ? "" : " with version " + version)
              + "; save it first (its latest version is pinned here when this one is saved)");
      return;
    }
    children.put(s.path("id").asText(), child.get());
    Map<String, Object> schema = child.get().definition().params();
    ParamSchema.check(schema, s.path("params"), p + "/params", p, values, scope, name);
  }
}
