package io.longhaul.dsl.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.longhaul.dsl.Problem;
import io.longhaul.dsl.parse.SourceMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks values that may hold {@code ${...}}: each expression's references to steps (so an author
 * reads "runs later", not CEL's "undeclared reference"), then its CEL types, then the value's type
 * against what the field wants.
 */
final class ValueCheck {
  private static final Pattern STEP_REF =
      Pattern.compile(
          "\\bsteps\\.([A-Za-z_][A-Za-z0-9_]*)(?:\\.([A-Za-z_][A-Za-z0-9_]*))?(?:\\.([A-Za-z_][A-Za-z0-9_]*))?");

  private final String file;
  private final SourceMap map;
  private final List<Problem> out;
  private final StepIndex index;

  ValueCheck(String file, SourceMap map, List<Problem> out, StepIndex index) {
    this.file = file;
    this.map = map;
    this.out = out;
    this.index = index;
  }

  /** A templated value (string) or literal of a field wanting {@code want} (null: anything). */
  void value(JsonNode v, String pointer, ValueType want, String what, Scope scope) {
    if (v.isTextual()) {
      ValueType got = template(v.asText(), pointer, scope);
      if (got != null && want != null && !want.accepts(got)) {
        problem(pointer, what + " is " + want + ", but `" + v.asText() + "` is " + got);
      }
      return;
    }
    if (v.isObject()) {
      v.properties()
          .forEach(
              e -> value(e.getValue(), SourceMap.child(pointer, e.getKey()), null, what, scope));
    } else if (v.isArray()) {
      for (int i = 0; i < v.size(); i++)
        value(v.get(i), SourceMap.child(pointer, i), null, what, scope);
    }
    if (want != null && !v.isNull() && !want.accepts(ValueType.ofLiteral(v))) {
      problem(pointer, what + " is " + want + ", not " + ValueType.ofLiteral(v) + " `" + v + "`");
    }
  }

  /** The type of a template string: its expression's if whole, else string; null if broken. */
  ValueType template(String text, String pointer, Scope scope) {
    Template t = Template.parse(text);
    ValueType whole = ValueType.STRING;
    for (Template.Part part : t.parts()) {
      if (part.expression() == null) {
        problem(pointer, "`${` is never closed with `}`");
        return null;
      }
      ValueType type = expression(part.expression(), pointer, part.offset(), scope);
      if (type == null) return null;
      if (t.whole()) whole = type;
    }
    return whole;
  }

  /** A bare CEL expression (a condition, a list to iterate over), or one written as `${...}`. */
  ValueType bare(String text, String pointer, Scope scope) {
    Template t = Template.parse(text);
    if (t.whole()) return expression(t.parts().getFirst().expression(), pointer, 2, scope);
    if (!t.literal()) {
      problem(pointer, "write the condition as one CEL expression, not text with `${...}` in it");
      return null;
    }
    return expression(text, pointer, 0, scope);
  }

  /** An expression's type, or null after reporting why it has none. */
  ValueType expression(String expr, String pointer, int offset, Scope scope) {
    boolean refsOk = true;
    Matcher m = STEP_REF.matcher(expr);
    while (m.find()) {
      refsOk &= reference(m, pointer, offset, scope);
    }
    if (!refsOk) return null;
    Expressions.Checked c = Expressions.check(expr, scope.vars());
    if (!c.issues().isEmpty()) {
      for (Expressions.Issue i : c.issues()) {
        SourceMap.Pos p = map.textOf(pointer);
        int line = p.line() + Math.max(0, i.line() - 1);
        int column = i.line() <= 1 ? p.column() + offset + i.column() : i.column() + 1;
        out.add(new Problem(file, line, column, pointer, "CEL: " + i.message()));
      }
      return null;
    }
    return c.type();
  }

  private boolean reference(Matcher m, String pointer, int offset, Scope scope) {
    String id = m.group(1);
    SourceMap.Pos base = map.textOf(pointer);
    int line = base.line();
    int column = base.column() + offset + m.start();
    StepIndex.Entry target = index.get(id);
    if (target == null) {
      out.add(
          new Problem(
              file,
              line,
              column,
              pointer,
              "no step `"
                  + id
                  + "` in this runbook; steps it can see here: "
                  + (scope.visibleNames().isEmpty()
                      ? "none"
                      : String.join(", ", scope.visibleNames()))));
      return false;
    }
    if (!scope.sees(id)) {
      String why =
          target.order() >= scope.order()
              ? "step `"
                  + id
                  + "` (line "
                  + map.of(target.pointer()).line()
                  + ") runs later; refer only to steps that ran before this one"
              : "step `"
                  + id
                  + "` (line "
                  + map.of(target.pointer()).line()
                  + ") is inside "
                  + target.parent()
                  + " and cannot be seen outside it; move the reference inside, or the step out";
      out.add(new Problem(file, line, column, pointer, why));
      return false;
    }
    if (!"output".equals(m.group(2))) {
      out.add(
          new Problem(
              file,
              line,
              column,
              pointer,
              "write `steps." + id + ".output.<field>`; a step offers only its output"));
      return false;
    }
    ActionSpec spec = target.action();
    if (m.group(3) == null || spec == null || !spec.output().containsKey(m.group(3))) {
      out.add(
          new Problem(
              file,
              line,
              column,
              pointer,
              "step `"
                  + id
                  + "`"
                  + (spec == null
                      ? " has no output"
                      : " (action `"
                          + spec.name()
                          + "`) outputs "
                          + (m.group(3) == null ? "fields" : "no `" + m.group(3) + "`")
                          + "; its output: "
                          + spec.outputNames())));
      return false;
    }
    return true;
  }

  void problem(String pointer, String message) {
    SourceMap.Pos p = map.of(pointer);
    out.add(new Problem(file, p.line(), p.column(), pointer, message));
  }

  void problemAtKey(String pointer, String message) {
    SourceMap.Pos p = map.keyOf(pointer);
    out.add(new Problem(file, p.line(), p.column(), pointer, message));
  }

  /** An action's input: every field known and of its type, every required one given. */
  void input(ActionSpec spec, JsonNode input, String pointer, String stepPointer, Scope scope) {
    if (input.isObject()) {
      input
          .properties()
          .forEach(
              e -> {
                String p = SourceMap.child(pointer, e.getKey());
                ValueType want = spec.input().get(e.getKey());
                if (want == null) {
                  problemAtKey(
                      p,
                      "action `"
                          + spec.name()
                          + "` has no input `"
                          + e.getKey()
                          + "`; its inputs: "
                          + spec.inputNames());
                } else {
                  value(
                      e.getValue(),
                      p,
                      want,
                      "input `" + e.getKey() + "` of `" + spec.name() + "`",
                      scope);
                }
              });
    }
    for (String r : spec.required().stream().sorted().toList()) {
      if (!input.has(r)) {
        problemAtKey(
            input.isObject() ? pointer : stepPointer + "/action",
            "action `" + spec.name() + "` needs input `" + r + "` (" + spec.input().get(r) + ")");
      }
    }
  }

  static Map<String, ValueType> outputVars(String prefix, ActionSpec spec) {
    Map<String, ValueType> vars = new java.util.HashMap<>();
    spec.output().forEach((f, t) -> vars.put(prefix + "." + f, t));
    return vars;
  }

  /** A window scope: a template, and when literal, kind:value. */
  void scopeText(String text, String pointer, Scope scope) {
    template(text, pointer, scope);
    if (Template.parse(text).literal()
        && !text.equals("global")
        && !text.matches("(site|bu|device-group|operation):[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
      problem(
          pointer,
          "a scope is kind:value with kind site, bu, device-group or operation (or `global`), not `"
              + text
              + "`");
    }
  }

  void mustBeBool(ValueType t, String pointer, String what) {
    if (t != null && !ValueType.BOOL.accepts(t))
      problem(pointer, what + " must be a bool, but this is " + t);
  }
}
