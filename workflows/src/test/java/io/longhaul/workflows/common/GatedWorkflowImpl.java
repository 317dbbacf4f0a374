package io.longhaul.workflows.common;

import io.longhaul.contracts.control.Decision;
import io.longhaul.contracts.control.Progress;
import io.longhaul.contracts.window.Scope;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

public class GatedWorkflowImpl implements GatedWorkflow {
  private final RunJournal journal = new RunJournal();

  @Override
  public List<Long> run(GatedInput in) {
    return journal.run(
        () -> {
          List<Long> starts = new ArrayList<>();
          Scope site = Scope.site(in.site());
          if (in.stepMinutes() > 0) {
            journal.step(
                Step.of("push", in.site(), Long.class)
                    .inWindow(Duration.ofMinutes(in.stepMinutes()), site),
                () -> {
                  starts.add(Workflow.currentTimeMillis());
                  return 0L;
                });
          }
          Duration chunk = Duration.ofMinutes(in.chunkMinutes());
          journal
              .windows()
              .runInWindow(
                  "copy",
                  List.of(site),
                  chunk,
                  0,
                  done -> {
                    starts.add(Workflow.currentTimeMillis());
                    Workflow.sleep(chunk);
                    return done + 1;
                  },
                  done -> done >= in.chunks());
          return starts;
        });
  }

  @Override
  public String decide(Decision decision) {
    return journal.decide(decision);
  }

  @Override
  public void validateDecide(Decision decision) {
    journal.validateDecide(decision);
  }

  @Override
  public Progress progress() {
    return journal.progress();
  }

  @Override
  public void leaseAvailable() {
    journal.leaseAvailable();
  }
}
