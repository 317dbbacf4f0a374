package io.longhaul.dsl.model;

import java.util.Map;

/** Runs a registered action with its input; string values may hold {@code ${...}} expressions. */
public record ActionStep(String id, StepOptions options, String action, Map<String, Object> input)
    implements RunbookStep {
  public ActionStep {
    input = input == null ? Map.of() : input;
  }
}
