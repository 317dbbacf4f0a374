package io.longhaul.workflows.common;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import java.util.ArrayList;
import java.util.List;

/** The executions of one run, as continue-as-new chains them. */
final class Executions {
  private Executions() {}

  /** Every execution of a started workflow, first to last. */
  static List<WorkflowExecutionHistory> of(WorkflowClient client, Object typedStub) {
    var known = WorkflowStub.fromTyped(typedStub).getExecution();
    String workflowId = known.getWorkflowId();
    // The stub may name any execution of the chain (the last, once a result was read): go back
    // to the first, then forward.
    String runId = known.getRunId();
    while (true) {
      String previous =
          client
              .fetchHistory(workflowId, runId)
              .getEvents()
              .getFirst()
              .getWorkflowExecutionStartedEventAttributes()
              .getContinuedExecutionRunId();
      if (previous.isEmpty()) {
        break;
      }
      runId = previous;
    }
    List<WorkflowExecutionHistory> all = new ArrayList<>();
    while (runId != null) {
      WorkflowExecutionHistory h = client.fetchHistory(workflowId, runId);
      all.add(h);
      HistoryEvent last = h.getLastEvent();
      runId =
          last.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW
              ? last.getWorkflowExecutionContinuedAsNewEventAttributes().getNewExecutionRunId()
              : null;
    }
    return all;
  }
}
