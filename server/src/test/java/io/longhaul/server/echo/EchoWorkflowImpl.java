package io.longhaul.server.echo;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.control.LeasePolicy;
import io.longhaul.contracts.window.Scope;
import io.longhaul.workflows.common.ActivityProfiles;
import io.longhaul.workflows.common.Approval;
import io.longhaul.workflows.common.ControlledWorkflow;
import io.longhaul.workflows.common.Step;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;

public class EchoWorkflowImpl extends ControlledWorkflow implements EchoWorkflow {
  private final EchoActivities activities =
      Workflow.newActivityStub(
          EchoActivities.class, ActivityProfiles.shortCall(TaskQueues.WORKFLOWS));
  private final EchoDatabaseActivities database =
      Workflow.newLocalActivityStub(EchoDatabaseActivities.class, ActivityProfiles.databaseStep());
  private boolean proceed;

  @Override
  public String run(EchoInput input) {
    return journal.run(
        () -> {
          if (input.giveUpAfterSeconds() != null) {
            journal.giveUpAfter(Duration.ofSeconds(input.giveUpAfterSeconds()));
          }
          int steps = input.steps() == null ? 2 : input.steps();
          journal.phase("echo");
          journal.expect(steps + 1);
          List<String> leases = input.leases() == null ? List.of() : input.leases();
          LeasePolicy policy =
              Boolean.TRUE.equals(input.failFast()) ? LeasePolicy.FAIL_FAST : LeasePolicy.WAIT;
          return journal.withLeases(policy, leases, () -> body(input, steps));
        });
  }

  private String body(EchoInput input, int steps) {
    String prefix = input.prefix() == null ? "target-" : input.prefix();
    for (int i = 0; i < steps; i++) {
      String target = prefix + i;
      Step<String> step = Step.of("echo", target, String.class);
      if (Boolean.TRUE.equals(input.skippable())) {
        step = step.skippable();
      }
      if (Boolean.TRUE.equals(input.compensate())) {
        step = step.compensatedBy(() -> activities.undo(target));
      }
      if (Boolean.TRUE.equals(input.disruptive())) {
        String site = input.site() == null ? "lab" : input.site();
        step = step.inWindow(Duration.ofSeconds(1), Scope.site(site));
      }
      journal.step(step, new EchoCommand(target, input.message()), activities::apply);
      journal.figure("echoed", i + 1);
    }
    if (input.databaseStep() != null) {
      journal.step(
          Step.of("record", prefix + "db", String.class),
          () -> database.write(input.databaseStep()));
    }
    if (Boolean.TRUE.equals(input.waitForSignal())) {
      Workflow.await(() -> proceed);
    }
    String last = input.failWith() == null ? "done:" + input.message() : "fail:" + input.failWith();
    Step<String> finalStep = Step.of("final", null, String.class);
    if (Boolean.TRUE.equals(input.approval())) {
      Integer expires = input.approvalExpiresSeconds();
      finalStep =
          finalStep.approvedBy(
              Approval.byApprover(
                  "echo '" + last + "' to the final target",
                  expires == null ? null : Duration.ofSeconds(expires)));
    }
    return journal.step(finalStep, () -> activities.echo(last));
  }

  @Override
  public void proceed() {
    proceed = true;
  }
}
