package io.longhaul.dsl.model;

import java.util.Map;

/**
 * Polls an action (a read) every {@code interval}, backing off to {@code maxInterval}, until the
 * CEL {@code condition} over its {@code output} holds; past {@code deadline} the step parks.
 */
public record WaitUntilStep(
    String id,
    StepOptions options,
    String action,
    Map<String, Object> input,
    String condition,
    String interval,
    String maxInterval,
    String deadline)
    implements RunbookStep {
  public WaitUntilStep {
    input = input == null ? Map.of() : input;
  }
}
