package io.longhaul.workflows.common;

import io.longhaul.contracts.window.Scope;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

public class GatedWorkflowImpl extends ControlledWorkflow implements GatedWorkflow {

  @Override
  public List<Long> run(GatedInput in) {
    journal.resume(in.carry());
    return journal.run(
        () -> {
          List<Long> starts = new ArrayList<>();
          Scope site = Scope.site(in.site());
          if (in.stepMinutes() > 0 && in.carry() == null) {
            journal.step(
                Step.of("push", in.site(), Long.class)
                    .inWindow(Duration.ofMinutes(in.stepMinutes()), site),
                () -> {
                  starts.add(Workflow.currentTimeMillis());
                  return 0L;
                });
          }
          Duration chunk = Duration.ofMinutes(in.chunkMinutes());
          CheckpointedPhase<Copied> copy =
              CheckpointedPhase.of("copy", Copied.class).inWindow(chunk, site);
          if (in.chunksPerExecution() > 0) {
            copy = copy.continueAsNewEvery(in.chunksPerExecution(), in::carrying);
          }
          Copied done =
              journal.checkpointed(
                  copy,
                  new Copied(0, starts),
                  c -> {
                    List<Long> more = new ArrayList<>(c.starts());
                    more.add(Workflow.currentTimeMillis());
                    Workflow.sleep(chunk);
                    return new Copied(c.chunks() + 1, more);
                  },
                  c -> c.chunks() >= in.chunks());
          return done.starts();
        });
  }
}
