package io.longhaul.dsl.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves a runbook value's {@code ${...}} parts over variables: a string that is one whole
 * expression takes the expression's value (and type), other strings have their parts joined as
 * text; maps and lists are resolved element by element. Used by the interpreter and the dry run.
 */
public final class Values {
  private Values() {}

  public static Object resolve(Object value, Map<String, Object> vars) {
    return switch (value) {
      case String s -> text(s, vars);
      case Map<?, ?> m -> {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, x) -> out.put(String.valueOf(k), resolve(x, vars)));
        yield out;
      }
      case List<?> l -> {
        List<Object> out = new ArrayList<>();
        l.forEach(x -> out.add(resolve(x, vars)));
        yield out;
      }
      case null -> null;
      default -> value;
    };
  }

  /** A bare CEL expression (a condition, a foreach's list), or one written as `${...}`. */
  public static Object eval(String expression, Map<String, Object> vars) {
    Template t = Template.parse(expression);
    String e = t.whole() ? t.parts().getFirst().expression() : expression;
    return Expressions.eval(e, vars);
  }

  private static Object text(String s, Map<String, Object> vars) {
    Template t = Template.parse(s);
    if (t.literal()) return s;
    if (t.whole()) return Expressions.eval(t.parts().getFirst().expression(), vars);
    StringBuilder b = new StringBuilder();
    int at = 0;
    for (Template.Part p : t.parts()) {
      b.append(s, at, p.offset() - 2);
      b.append(Expressions.eval(p.expression(), vars));
      at = p.offset() + p.expression().length() + 1;
    }
    return b.append(s.substring(at)).toString();
  }
}
