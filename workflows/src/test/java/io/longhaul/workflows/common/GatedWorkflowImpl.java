package io.longhaul.workflows.common;

import io.longhaul.contracts.window.Scope;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

public class GatedWorkflowImpl extends ControlledWorkflow implements GatedWorkflow {

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
}
