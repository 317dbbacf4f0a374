package io.longhaul.contracts.schedule;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One long-lived workflow per schedule (id {@link #workflowId}): it sleeps until the next fire
 * time, starts the run through the API's run service, and continues as new after each fire. The
 * embedded test server has no Schedules API; this runs the same on a real cluster.
 */
@WorkflowInterface
public interface ScheduleWorkflow {
  String CHANGED = "scheduleChanged";
  String TRIGGER = "triggerNow";

  static String workflowId(long scheduleId) {
    return "schedule:" + scheduleId;
  }

  @WorkflowMethod
  void run(SchedulerState state);

  /** The schedule's row changed (edited, paused, resumed, deleted): re-read it. */
  @SignalMethod(name = CHANGED)
  void changed();

  /** Fire once now, under the overlap policy, on behalf of {@code requester}. */
  @SignalMethod(name = TRIGGER)
  void triggerNow(String requester);
}
