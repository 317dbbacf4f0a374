package io.longhaul.dsl.model;

import java.util.List;
import java.util.stream.Stream;

/** Runs {@code then} when the CEL {@code condition} holds, {@code otherwise} when it does not. */
public record IfStep(
    String id,
    StepOptions options,
    String condition,
    List<RunbookStep> then,
    List<RunbookStep> otherwise)
    implements RunbookStep {
  public IfStep {
    otherwise = otherwise == null ? List.of() : otherwise;
  }

  @Override
  public List<RunbookStep> children() {
    return Stream.concat(then.stream(), otherwise.stream()).toList();
  }
}
