package io.longhaul.contracts.operation;

import io.longhaul.contracts.TaskQueues;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a workflow interface an operation operators can start: everything the API's catalog and
 * the portal need, written once beside the workflow. The workflow type and the input record are
 * read from the interface's {@code @WorkflowMethod}; {@link OperationDefinition#of} builds the
 * catalog entry, and the API finds every annotated interface under {@code io.longhaul.contracts}
 * itself, so an operation adds no code to the API or the portal.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Operation {
  /** The name in the API and the portal: {@code topology-discovery}. */
  String name();

  String title();

  String description();

  /**
   * The JSON Schema of the params, a classpath resource; it may use the shared definitions of
   * {@code operations/common.schema.json} ({@code "$ref": "common.schema.json#/$defs/siteCode"}).
   */
  String schema();

  /** The top-level param holding the site code, so runs can be filtered by site; "" for none. */
  String siteField() default "";

  /** What each step means to someone waiting for the run, in the order steps run. */
  Stage[] stages() default {};

  String taskQueue() default TaskQueues.WORKFLOWS;

  /** A step name and what it means to an operator: {@code place} → "choosing a host". */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({})
  @interface Stage {
    String step();

    String label();
  }
}
