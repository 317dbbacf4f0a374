package io.longhaul.contracts.spawn;

import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One long-lived workflow per leaf ({@link #workflowId}): it coalesces concurrent overlay changes
 * into batches and pushes each batch as one configuration transaction, so a burst of spawns onto a
 * rack neither opens a session per spawn nor interleaves sessions. Each requester gets its own
 * result from its update.
 */
@WorkflowInterface
public interface LeafConfigWorkflow {
  String TYPE = "LeafConfig";

  static String workflowId(String switchName) {
    return "leaf-config:" + switchName;
  }

  @WorkflowMethod(name = TYPE)
  void run(LeafConfigState state);

  @UpdateMethod(name = "change")
  OverlayResult change(OverlayRequest request);

  @UpdateValidatorMethod(updateName = "change")
  void validateChange(OverlayRequest request);
}
