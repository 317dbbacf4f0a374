package io.longhaul.contracts.action;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One action a runbook step may run: an existing activity method (the same one the built-in
 * operations call, so a runbook does what they do), the queue it runs on, its retry profile, and
 * how it is undone. {@code undoInput} is the built-in undo's input, templates over the step's
 * {@code input} and {@code output}. An action without an activity ({@code activities} null) runs
 * inside the interpreter (e.g. {@code log}).
 */
public record ActionContract(
    String name,
    String description,
    Class<?> activities,
    String method,
    Queue queue,
    String profile,
    boolean read,
    Undo undo,
    String undoAction,
    Map<String, String> undoInput,
    Set<String> required) {

  /** Where the action's activity runs. */
  public enum Queue {
    /** Longhaul's own database, on the workflow queue. */
    WORKFLOWS,
    /** A site's devices: the queue of the run's site. */
    SITE,
    /** Cluster APIs. */
    CLUSTERS,
    /** Inside the interpreter's workflow task. */
    IN_TASK
  }

  public enum Undo {
    NONE,
    BUILT_IN,
    REQUIRED
  }

  public ActionContract {
    Objects.requireNonNull(name, "name");
    undoInput = undoInput == null ? Map.of() : Map.copyOf(undoInput);
    required = required == null ? Set.of() : Set.copyOf(required);
  }

  /** The activity method; null for an in-task action. */
  public Method activityMethod() {
    if (activities == null) return null;
    List<Method> m =
        Arrays.stream(activities.getMethods()).filter(x -> x.getName().equals(method)).toList();
    if (m.size() != 1) {
      throw new IllegalStateException(activities.getSimpleName() + " has no single " + method);
    }
    return m.getFirst();
  }

  /** Temporal's activity type: the method's name with its first letter upper case. */
  public String activityType() {
    return Character.toUpperCase(method.charAt(0)) + method.substring(1);
  }

  /** The fields of the activity's input record, by name, as field types. */
  public Map<String, String> inputFields() {
    Method m = activityMethod();
    if (m == null) return Map.of("message", "string");
    return m.getParameterCount() == 0 ? Map.of() : FieldTypes.fields(m.getParameterTypes()[0]);
  }

  public Map<String, String> outputFields() {
    Method m = activityMethod();
    if (m == null) return Map.of("message", "string");
    return FieldTypes.fields(m.getReturnType());
  }
}
