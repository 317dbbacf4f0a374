package io.longhaul.workers;

import java.util.List;

/**
 * What one task queue serves: workflow implementation classes and activity implementation objects.
 * Declared as beans; the runtime gathers them all, so an operation adds its own without touching
 * the runtime.
 */
public record WorkerRegistration(
    String taskQueue, List<Class<?>> workflowTypes, List<Object> activities) {

  public WorkerRegistration {
    workflowTypes = List.copyOf(workflowTypes);
    activities = List.copyOf(activities);
  }

  public static WorkerRegistration workflows(String taskQueue, Class<?>... types) {
    return new WorkerRegistration(taskQueue, List.of(types), List.of());
  }

  public static WorkerRegistration activities(String taskQueue, Object... implementations) {
    return new WorkerRegistration(taskQueue, List.of(), List.of(implementations));
  }
}
