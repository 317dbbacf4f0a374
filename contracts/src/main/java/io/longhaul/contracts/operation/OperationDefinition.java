package io.longhaul.contracts.operation;

import java.util.Objects;

/**
 * An operation operators can start: its name in the API, the workflow type it starts, the input
 * record its params become, and the JSON Schema (a classpath resource) that validates them before
 * anything starts. {@code siteField} names the top-level param holding the site code, if any, so
 * runs can be filtered by site.
 */
public record OperationDefinition(
    String name,
    String title,
    String description,
    String workflowType,
    Class<?> inputType,
    String taskQueue,
    String schemaResource,
    String siteField) {

  public OperationDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(workflowType, "workflowType");
    Objects.requireNonNull(inputType, "inputType");
    Objects.requireNonNull(taskQueue, "taskQueue");
    Objects.requireNonNull(schemaResource, "schemaResource");
  }
}
