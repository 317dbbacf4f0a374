package io.longhaul.dsl.check;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What validation knows of an action: its input fields (and which are required), its output fields,
 * whether it only reads, and how it is undone: {@code NONE} (a read, or nothing to undo), {@code
 * BUILT_IN} (the registry undoes it with {@code undoAction}), {@code REQUIRED} (a change only the
 * runbook's author can reverse: a step using it must say {@code compensate}).
 */
public record ActionSpec(
    String name,
    String description,
    Map<String, ValueType> input,
    Set<String> required,
    Map<String, ValueType> output,
    boolean read,
    Undo undo,
    String undoAction) {

  public enum Undo {
    NONE,
    BUILT_IN,
    REQUIRED
  }

  /** A spec from field types in their text form, as a registry outside this module keeps them. */
  public static ActionSpec of(
      String name,
      String description,
      Map<String, String> input,
      Set<String> required,
      Map<String, String> output,
      boolean read,
      String undo,
      String undoAction) {
    return new ActionSpec(
        name,
        description,
        types(input),
        Set.copyOf(required),
        types(output),
        read,
        Undo.valueOf(undo),
        undoAction);
  }

  private static Map<String, ValueType> types(Map<String, String> fields) {
    Map<String, ValueType> out = new java.util.LinkedHashMap<>();
    fields.forEach((k, v) -> out.put(k, ValueType.parse(v)));
    return out;
  }

  public List<String> inputNames() {
    return input.keySet().stream().sorted().toList();
  }

  public List<String> outputNames() {
    return output.keySet().stream().sorted().toList();
  }
}
