package io.longhaul.workflows.common;

import io.longhaul.contracts.control.JournalCarry;
import io.longhaul.contracts.control.OperatorControlled;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * A test operation: one disruptive step, then a checkpointed phase of chunks, both gated on a site;
 * the phase continues as new every {@code chunksPerExecution} chunks (0: never).
 */
@WorkflowInterface
public interface GatedWorkflow extends OperatorControlled {
  /** Returns the workflow times (epoch millis) at which the step and each chunk started. */
  @WorkflowMethod
  List<Long> run(GatedInput input);

  record GatedInput(
      String site,
      long stepMinutes,
      int chunks,
      long chunkMinutes,
      int chunksPerExecution,
      JournalCarry carry) {
    public GatedInput(String site, long stepMinutes, int chunks, long chunkMinutes) {
      this(site, stepMinutes, chunks, chunkMinutes, 0, null);
    }

    GatedInput carrying(JournalCarry next) {
      return new GatedInput(site, stepMinutes, chunks, chunkMinutes, chunksPerExecution, next);
    }
  }

  /** The phase's cursor: chunks copied and when each started. */
  record Copied(int chunks, List<Long> starts) {}
}
