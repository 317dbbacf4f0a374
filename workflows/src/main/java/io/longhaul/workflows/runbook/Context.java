package io.longhaul.workflows.runbook;

import io.longhaul.contracts.window.Scope;
import io.longhaul.dsl.check.Values;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a step sees while it runs: the run's params, the outputs of the steps before it (shared by a
 * block and its parallel branches; workflow threads never run at once), loop variables, the journal
 * target (a foreach element), the step-name prefix of a called runbook, and the window it is in.
 */
final class Context {
  final Map<String, Object> params;
  final Map<String, Object> run;
  final Map<String, Object> outputs;
  final Map<String, Object> locals;
  final String target;
  final String prefix;
  final String site;
  final List<Scope> windowScopes;
  final Duration windowExpected;

  Context(
      Map<String, Object> run,
      Map<String, Object> params,
      Map<String, Object> outputs,
      Map<String, Object> locals,
      String target,
      String prefix,
      String site,
      List<Scope> windowScopes,
      Duration windowExpected) {
    this.run = run;
    this.params = params;
    this.outputs = outputs;
    this.locals = locals;
    this.target = target;
    this.prefix = prefix;
    this.site = site;
    this.windowScopes = windowScopes;
    this.windowExpected = windowExpected;
  }

  /** {@code run}: the run's id and change id, as expressions see them ({@code run.changeId}). */
  static Context root(Map<String, Object> run, Map<String, Object> params, String site) {
    return new Context(
        run, params, new LinkedHashMap<>(), Map.of(), null, "", site, List.of(), null);
  }

  /** A foreach element's context: its own outputs (seeded with what came before), its target. */
  Context element(String as, Object value) {
    Map<String, Object> l = new HashMap<>(locals);
    l.put(as, value);
    String label = String.valueOf(value);
    String t = target == null ? label : target + "/" + label;
    return new Context(
        run,
        params,
        new LinkedHashMap<>(outputs),
        l,
        t,
        prefix,
        site,
        windowScopes,
        windowExpected);
  }

  Context inWindow(List<Scope> scopes, Duration expected) {
    return new Context(run, params, outputs, locals, target, prefix, site, scopes, expected);
  }

  /** A called runbook's context: its own params and outputs, its steps named under the call. */
  Context call(String callId, Map<String, Object> childParams, String childSite) {
    return new Context(
        run,
        childParams,
        new LinkedHashMap<>(),
        Map.of(),
        target,
        prefix + callId + ".",
        childSite,
        windowScopes,
        windowExpected);
  }

  String stepName(String id) {
    return prefix + id;
  }

  void output(String id, Map<String, Object> output) {
    outputs.put(id, Map.of("output", output == null ? Map.of() : output));
  }

  Map<String, Object> vars(Map<String, Object> extra) {
    Map<String, Object> v = new HashMap<>(locals);
    v.put("run", run);
    v.put("params", params);
    v.put("steps", outputs);
    v.putAll(extra);
    return v;
  }

  /**
   * The failure type of an expression that cannot be evaluated at run time (a key an output lacks,
   * a division by zero): typed, so the step (or the undo) parks for an operator instead of the
   * workflow task failing over and over.
   */
  static final String EXPRESSION_FAILED = "RunbookExpressionFailed";

  /** A bare CEL expression, or one written as `${...}`. */
  Object eval(String expression, Map<String, Object> extra) {
    try {
      return Values.eval(expression, vars(extra));
    } catch (IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), EXPRESSION_FAILED);
    }
  }

  /** A value with its `${...}` parts resolved: whole expressions keep their type. */
  Object resolve(Object value, Map<String, Object> extra) {
    try {
      return Values.resolve(value, vars(extra));
    } catch (IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), EXPRESSION_FAILED);
    }
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> resolveMap(Map<String, Object> m, Map<String, Object> extra) {
    return (Map<String, Object>) resolve(m, extra);
  }
}
