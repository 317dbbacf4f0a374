package io.longhaul.dsl.model;

import java.util.List;

/**
 * What every step may say about how it runs: {@code retry} names an activity profile ({@code
 * shortCall}, {@code deviceChange}, ...), {@code timeout} an ISO-8601 duration overriding the
 * profile's start-to-close, {@code compensate} the undo registered before it runs, {@code
 * skippable} whether an operator may skip it when it fails, {@code leases} what it holds while it
 * runs (may interpolate {@code ${...}}).
 */
public record StepOptions(
    String retry, String timeout, Compensation compensate, boolean skippable, List<String> leases) {

  public static final StepOptions NONE = new StepOptions(null, null, null, false, List.of());

  public StepOptions {
    leases = leases == null ? List.of() : List.copyOf(leases);
  }
}
