package io.longhaul.dsl.model;

import java.util.Map;

/**
 * The undo of a step: an action and its input, which may refer to the step's own {@code output} and
 * to everything the step could see.
 */
public record Compensation(String action, Map<String, Object> input) {
  public Compensation {
    input = input == null ? Map.of() : input;
  }
}
