package io.longhaul.dsl.model;

import java.util.List;

/**
 * A disruptive block: each action in it starts only inside an open maintenance window of {@code
 * scopes} (kind:value, may interpolate) with at least {@code expected} left, never in a freeze.
 */
public record WindowStep(
    String id, StepOptions options, List<String> scopes, String expected, List<RunbookStep> steps)
    implements RunbookStep {
  @Override
  public List<RunbookStep> children() {
    return steps;
  }
}
