package io.longhaul.dsl.model;

import java.util.Map;

/**
 * Runs another runbook's steps as part of this run, under this step's id: {@code runbook} names it,
 * {@code version} pins the version (the latest when the caller was saved), {@code params} are its
 * parameters. {@code definition} is the child's validated definition, pinned when the caller is
 * saved, so a later edit of the child never changes this one.
 */
public record RunbookCallStep(
    String id,
    StepOptions options,
    String runbook,
    Integer version,
    Map<String, Object> params,
    Runbook definition)
    implements RunbookStep {
  public RunbookCallStep {
    params = params == null ? Map.of() : params;
  }

  public RunbookCallStep pinned(int pinnedVersion, Runbook child) {
    return new RunbookCallStep(id, options, runbook, pinnedVersion, params, child);
  }
}
