package io.longhaul.dsl.model;

import java.util.List;

/** Runs its steps at once; it ends when all have. A branch that parks does not stop the others. */
public record ParallelStep(String id, StepOptions options, List<RunbookStep> steps)
    implements RunbookStep {
  @Override
  public List<RunbookStep> children() {
    return steps;
  }
}
