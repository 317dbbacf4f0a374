package io.longhaul.workflows.runbook;

import io.longhaul.contracts.control.OperatorControlled;
import io.longhaul.dsl.RunbookInput;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.Map;

/**
 * Runs a pinned runbook. Operator control (retry, skip, abort, approve) comes from {@link
 * OperatorControlled}, as for every operation.
 */
@WorkflowInterface
public interface RunbookWorkflow extends OperatorControlled {
  @WorkflowMethod(name = RunbookInput.WORKFLOW_TYPE)
  Result run(RunbookInput input);

  /** The outputs of the runbook's top-level steps, by step id. */
  record Result(String runbook, int version, Map<String, Object> outputs) {}
}
