package io.longhaul.workflows.common;

import io.longhaul.contracts.control.OperatorControlled;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/** A test operation: one disruptive step, then a long phase of chunks, both gated on a site. */
@WorkflowInterface
public interface GatedWorkflow extends OperatorControlled {
  /** Returns the workflow times (epoch millis) at which the step and each chunk started. */
  @WorkflowMethod
  List<Long> run(GatedInput input);

  record GatedInput(String site, long stepMinutes, int chunks, long chunkMinutes) {}
}
