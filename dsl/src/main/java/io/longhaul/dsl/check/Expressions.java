package io.longhaul.dsl.check;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypes;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CEL, twice: at validation an expression is type-checked against precise declarations ({@code
 * params.vlan} int, {@code steps.place.output.host} string, ...: CEL resolves a dotted name to a
 * variable of that name), and at run time it is evaluated over plain maps declared {@code dyn}. The
 * runtime holds no clock and no I/O, so an evaluation inside a workflow is deterministic.
 */
public final class Expressions {
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();
  private static final Map<String, CelRuntime.Program> PROGRAMS = new ConcurrentHashMap<>();
  private static final int MAX_CACHED = 10_000;

  private Expressions() {}

  /** An expression's type, or its errors (column within the expression, 0-based). */
  public record Checked(ValueType type, String celType, List<Issue> issues) {}

  public record Issue(int line, int column, String message) {}

  public static Checked check(String expression, Map<String, ValueType> vars) {
    CelCompilerBuilder b = builder();
    vars.forEach((name, type) -> b.addVar(name, type.cel()));
    CelValidationResult r = b.build().compile(expression);
    if (r.hasError()) {
      List<Issue> issues = new ArrayList<>();
      for (CelIssue i : r.getErrors()) {
        issues.add(
            new Issue(
                i.getSourceLocation().getLine(),
                i.getSourceLocation().getColumn(),
                brief(i.getMessage())));
      }
      return new Checked(null, null, issues);
    }
    try {
      CelType t = r.getAst().getResultType();
      return new Checked(fromCel(t), CelTypes.format(t), List.of());
    } catch (Exception e) {
      return new Checked(ValueType.DYN, "dyn", List.of());
    }
  }

  /** Evaluates over {@code vars} (plain maps, lists, strings, numbers, booleans). */
  public static Object eval(String expression, Map<String, Object> vars) {
    String key = String.join(",", vars.keySet().stream().sorted().toList()) + "|" + expression;
    CelRuntime.Program p = PROGRAMS.get(key);
    if (p == null) {
      CelCompilerBuilder b = builder();
      vars.keySet().forEach(n -> b.addVar(n, SimpleType.DYN));
      CelCompiler c = b.build();
      try {
        CelAbstractSyntaxTree ast = c.compile(expression).getAst();
        p = RUNTIME.createProgram(ast);
      } catch (Exception e) {
        throw new IllegalArgumentException("expression " + expression + ": " + e.getMessage());
      }
      if (PROGRAMS.size() > MAX_CACHED) PROGRAMS.clear();
      PROGRAMS.put(key, p);
    }
    Map<String, Object> activation = new LinkedHashMap<>();
    vars.forEach((k, v) -> activation.put(k, toCel(v)));
    try {
      return fromCelValue(p.eval(activation));
    } catch (CelEvaluationException e) {
      throw new IllegalArgumentException("expression " + expression + ": " + e.getMessage());
    }
  }

  /** CEL's message without its list of every overload there is. */
  private static String brief(String message) {
    int candidates = message.indexOf(" (candidates:");
    return candidates < 0 ? message : message.substring(0, candidates);
  }

  private static CelCompilerBuilder builder() {
    return CelCompilerFactory.standardCelCompilerBuilder()
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .setResultType(SimpleType.DYN);
  }

  private static ValueType fromCel(CelType t) {
    return switch (t.kind()) {
      case STRING -> ValueType.STRING;
      case INT, UINT -> ValueType.INT;
      case BOOL -> ValueType.BOOL;
      case DOUBLE -> ValueType.DOUBLE;
      case LIST -> ValueType.list(fromCel(t.parameters().getFirst()));
      case MAP -> ValueType.OBJECT;
      default -> ValueType.DYN;
    };
  }

  /** JSON-shaped Java values as CEL wants them: every integer a long. */
  static Object toCel(Object v) {
    return switch (v) {
      case Integer i -> i.longValue();
      case Short s -> s.longValue();
      case Float f -> f.doubleValue();
      case Map<?, ?> m -> {
        Map<Object, Object> out = new LinkedHashMap<>();
        m.forEach(
            (k, x) ->
                out.put(k, x == null ? dev.cel.common.values.NullValue.NULL_VALUE : toCel(x)));
        yield out;
      }
      case List<?> l -> l.stream().map(x -> x == null ? null : toCel(x)).toList();
      case null -> dev.cel.common.values.NullValue.NULL_VALUE;
      default -> v;
    };
  }

  /** CEL's values as plain ones, which a workflow's input and results carry as JSON. */
  static Object fromCelValue(Object v) {
    return switch (v) {
      case dev.cel.common.values.NullValue n -> null;
      case com.google.protobuf.NullValue n -> null;
      case Map<?, ?> m -> {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, x) -> out.put(String.valueOf(k), fromCelValue(x)));
        yield out;
      }
      case List<?> l -> {
        List<Object> out = new ArrayList<>();
        l.forEach(x -> out.add(fromCelValue(x)));
        yield out;
      }
      case null -> null;
      default -> v;
    };
  }
}
