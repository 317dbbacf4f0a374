package io.longhaul.workflows.meshcanary;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.control.LeaseNames;
import io.longhaul.contracts.control.LeasePolicy;
import io.longhaul.contracts.meshcanary.IdcTarget;
import io.longhaul.contracts.meshcanary.MeshActivities;
import io.longhaul.contracts.meshcanary.MeshCanaryInput;
import io.longhaul.contracts.meshcanary.MeshCanaryView;
import io.longhaul.contracts.meshcanary.MeshCanaryWorkflow;
import io.longhaul.workflows.common.ActivityProfiles;
import io.longhaul.workflows.common.ControlledWorkflow;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * The IDCs one after the other, each under the leases of itself and of its DR partner, so that no
 * other run changes either IDC of the pair meanwhile (and this run never holds both in change).
 * Each IDC is an {@link IdcCanary}; the first that does not promote ends the run: its failure runs
 * the journal's compensations, which roll its namespaces back to stable and scale its canary down
 * (an IDC already promoted keeps its promotion: its undos know it and do nothing).
 */
public class MeshCanaryWorkflowImpl extends ControlledWorkflow implements MeshCanaryWorkflow {
  private final MeshActivities mesh =
      Workflow.newActivityStub(
          MeshActivities.class, ActivityProfiles.deviceChange(TaskQueues.CLUSTERS));
  private final CanaryBoard board = new CanaryBoard();

  @Override
  public MeshCanaryView canary(MeshCanaryInput input) {
    board.plan(input);
    try {
      return journal.run(
          () -> {
            journal.expect(IdcCanary.plannedSteps(input));
            for (IdcTarget t : input.idcs()) {
              journal.withLeases(
                  LeasePolicy.WAIT,
                  leases(t),
                  () -> {
                    new IdcCanary(journal, mesh, board, input, t.idc()).run();
                    return null;
                  });
            }
            board.outcome("promoted");
            return board.view();
          });
    } catch (TemporalFailure e) {
      board.outcome("rolled-back");
      throw e;
    }
  }

  static List<String> leases(IdcTarget t) {
    List<String> names = new ArrayList<>();
    names.add(LeaseNames.check("mesh-idc:" + t.idc()));
    if (t.drPartner() != null && !t.drPartner().isBlank() && !t.drPartner().equals(t.idc())) {
      names.add(LeaseNames.check("mesh-idc:" + t.drPartner()));
    }
    return names;
  }

  @Override
  public MeshCanaryView view() {
    return board.view();
  }
}
