package io.longhaul.contracts.action;

import io.longhaul.contracts.spawn.OverlayPlanRequest;
import java.util.List;

/**
 * A dry run's device questions: the configuration lines each leaf would get, asked of the site's
 * devices (the lab twin, in the lab) through the site's queue. Read-only.
 */
public record DryRunRequest(String site, List<OverlayPlanRequest> overlays) {
  /** The workflow type that answers it. */
  public static final String WORKFLOW_TYPE = "RunbookDryRun";

  public DryRunRequest {
    overlays = List.copyOf(overlays);
  }
}
