package io.longhaul.server.echo;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.workflows.common.ActivityProfiles;
import io.longhaul.workflows.common.RunJournal;
import io.temporal.workflow.Workflow;

public class EchoWorkflowImpl implements EchoWorkflow {
  private final EchoActivities activities =
      Workflow.newActivityStub(
          EchoActivities.class, ActivityProfiles.shortCall(TaskQueues.WORKFLOWS));
  private boolean proceed;

  @Override
  public String run(EchoInput input) {
    RunJournal journal = new RunJournal();
    return journal.run(
        () -> {
          int steps = input.steps() == null ? 2 : input.steps();
          for (int i = 0; i < steps; i++) {
            journal.step("echo", "target-" + i, () -> activities.echo(input.message()));
          }
          if (Boolean.TRUE.equals(input.waitForSignal())) {
            Workflow.await(() -> proceed);
          }
          String last = input.failWith() == null ? input.message() : "fail:" + input.failWith();
          return journal.step("final", null, () -> activities.echo(last));
        });
  }

  @Override
  public void proceed() {
    proceed = true;
  }
}
