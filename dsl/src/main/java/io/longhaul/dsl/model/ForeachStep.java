package io.longhaul.dsl.model;

import java.util.List;

/**
 * Runs its steps once per element of {@code items} (a CEL list expression), at most {@code
 * concurrency} elements at once, with the element bound to {@code as} (default {@code item}).
 */
public record ForeachStep(
    String id,
    StepOptions options,
    String items,
    String as,
    int concurrency,
    List<RunbookStep> steps)
    implements RunbookStep {
  @Override
  public List<RunbookStep> children() {
    return steps;
  }
}
