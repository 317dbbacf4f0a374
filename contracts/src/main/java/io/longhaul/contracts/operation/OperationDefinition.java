package io.longhaul.contracts.operation;

import io.temporal.workflow.WorkflowMethod;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An operation operators can start: its name in the API, the workflow type it starts, the input
 * record its params become, and the JSON Schema (a classpath resource) that validates them before
 * anything starts. {@code siteField} names the top-level param holding the site code, if any, so
 * runs can be filtered by site; {@code stages} label its steps for the portal. Built from an {@link
 * Operation} annotation by {@link #of}.
 */
public record OperationDefinition(
    String name,
    String title,
    String description,
    String workflowType,
    Class<?> inputType,
    String taskQueue,
    String schemaResource,
    String siteField,
    List<StageLabel> stages) {

  /** What a step means to someone waiting for the run. */
  public record StageLabel(String step, String label) {}

  public OperationDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(workflowType, "workflowType");
    Objects.requireNonNull(inputType, "inputType");
    Objects.requireNonNull(taskQueue, "taskQueue");
    Objects.requireNonNull(schemaResource, "schemaResource");
    stages = stages == null ? List.of() : List.copyOf(stages);
  }

  /** The definition an {@link Operation}-annotated workflow interface declares. */
  public static OperationDefinition of(Class<?> workflowInterface) {
    Operation op = workflowInterface.getAnnotation(Operation.class);
    if (op == null) {
      throw new IllegalArgumentException(workflowInterface + " has no @Operation");
    }
    Method method = workflowMethod(workflowInterface);
    if (method.getParameterCount() != 1) {
      throw new IllegalArgumentException(
          workflowInterface.getSimpleName() + ": an operation's workflow takes one input record");
    }
    String type = method.getAnnotation(WorkflowMethod.class).name();
    return new OperationDefinition(
        op.name(),
        op.title(),
        op.description(),
        type.isEmpty() ? workflowInterface.getSimpleName() : type,
        method.getParameterTypes()[0],
        op.taskQueue(),
        op.schema(),
        op.siteField().isEmpty() ? null : op.siteField(),
        Arrays.stream(op.stages()).map(s -> new StageLabel(s.step(), s.label())).toList());
  }

  private static Method workflowMethod(Class<?> workflowInterface) {
    List<Method> methods =
        Arrays.stream(workflowInterface.getMethods())
            .filter(m -> m.isAnnotationPresent(WorkflowMethod.class))
            .toList();
    if (methods.size() != 1) {
      throw new IllegalArgumentException(
          workflowInterface.getSimpleName() + " has " + methods.size() + " @WorkflowMethods");
    }
    return methods.getFirst();
  }
}
