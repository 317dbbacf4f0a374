package io.longhaul.dsl.check;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an expression at one place may refer to: the CEL variables declared there and the steps that
 * have run before it in its block or an enclosing one. Immutable; {@code with} makes a wider one.
 */
record Scope(Map<String, ValueType> vars, Set<String> visible, int order) {

  Scope with(Map<String, ValueType> more) {
    Map<String, ValueType> v = new HashMap<>(vars);
    v.putAll(more);
    return new Scope(Map.copyOf(v), visible, order);
  }

  Scope seeing(String step, Map<String, ValueType> outputs) {
    Set<String> s = new LinkedHashSet<>(visible);
    s.add(step);
    return new Scope(vars, Set.copyOf(s), order).with(outputs);
  }

  Scope at(int newOrder) {
    return new Scope(vars, visible, newOrder);
  }

  boolean sees(String step) {
    return visible.contains(step);
  }

  List<String> visibleNames() {
    return visible.stream().sorted().toList();
  }
}
