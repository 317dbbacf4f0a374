package io.longhaul.dsl;

import io.longhaul.dsl.model.Runbook;
import java.util.Map;

/**
 * What a runbook run starts with: the runbook's name and version, its validated definition pinned
 * (an edit of the runbook never changes a run in flight; the history holds exactly what ran), the
 * run's parameters and the site its device actions reach (null: none).
 */
public record RunbookInput(
    String runbook, int version, Runbook definition, Map<String, Object> params, String site) {

  /** The workflow type every runbook run starts. */
  public static final String WORKFLOW_TYPE = "Runbook";

  public RunbookInput {
    params = params == null ? Map.of() : params;
  }
}
