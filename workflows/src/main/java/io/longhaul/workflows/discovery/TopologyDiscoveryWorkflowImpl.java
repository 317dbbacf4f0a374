package io.longhaul.workflows.discovery;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.discovery.DiscoveryInput;
import io.longhaul.contracts.discovery.DiscoveryReport;
import io.longhaul.contracts.discovery.InventoryActivities;
import io.longhaul.contracts.discovery.LldpRequest;
import io.longhaul.contracts.discovery.LldpTable;
import io.longhaul.contracts.discovery.ReconcileRequest;
import io.longhaul.contracts.discovery.SiteRequest;
import io.longhaul.contracts.discovery.SwitchActivities;
import io.longhaul.contracts.discovery.TopologyDiscoveryWorkflow;
import io.longhaul.workflows.common.ActivityProfiles;
import io.longhaul.workflows.common.ControlledWorkflow;
import io.longhaul.workflows.common.RunJournal;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the LLDP table of every leaf of a site, {@code parallelism} at a time, then reconciles the
 * host links once with all tables. A leaf that stays unreadable after its retries fails the run:
 * reconciling without its table would delete every link it carries. Such a leaf parks the run
 * (needs attention) until an operator retries the read or aborts; reads are not skippable.
 */
public class TopologyDiscoveryWorkflowImpl extends ControlledWorkflow
    implements TopologyDiscoveryWorkflow {
  /** Histories recorded before reads went through the journal's forEach read in fixed windows. */
  static final String FOR_EACH = "for-each";

  private final InventoryActivities inventory =
      Workflow.newActivityStub(
          InventoryActivities.class, ActivityProfiles.shortCall(TaskQueues.WORKFLOWS));

  @Override
  public DiscoveryReport discover(DiscoveryInput input) {
    return journal.run(
        () -> {
          String site = input.site();
          String changeId = journal.changeId();
          SwitchActivities switches =
              Workflow.newActivityStub(
                  SwitchActivities.class, ActivityProfiles.shortCall(TaskQueues.site(site)));
          List<String> leaves =
              journal
                  .step("list-leaves", site, () -> inventory.listLeaves(new SiteRequest(site)))
                  .leaves();
          journal.phase("read-lldp");
          journal.expect(leaves.size() + 2);
          int parallelism = input.parallelismOrDefault();
          List<LldpTable> tables =
              Workflow.getVersion(FOR_EACH, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION
                  ? readInWindows(journal, switches, changeId, leaves, parallelism)
                  : List.copyOf(
                      journal
                          .forEach(
                              leaves,
                              parallelism,
                              leaf ->
                                  journal.step(
                                      "read-lldp",
                                      leaf,
                                      () -> switches.readLldp(new LldpRequest(changeId, leaf))))
                          .values());
          journal.phase("reconcile");
          return journal.step(
              "reconcile",
              site,
              () -> inventory.reconcileHostLinks(new ReconcileRequest(changeId, site, tables)));
        });
  }

  /**
   * How runs recorded before {@link #FOR_EACH} read: in windows of {@code parallelism}, the next
   * window starting when the last one is done.
   */
  private static List<LldpTable> readInWindows(
      RunJournal journal,
      SwitchActivities switches,
      String changeId,
      List<String> leaves,
      int parallelism) {
    List<LldpTable> tables = new ArrayList<>(leaves.size());
    for (int from = 0; from < leaves.size(); from += parallelism) {
      List<Promise<LldpTable>> window = new ArrayList<>();
      for (String leaf : leaves.subList(from, Math.min(from + parallelism, leaves.size()))) {
        window.add(
            Async.function(
                () ->
                    journal.step(
                        "read-lldp",
                        leaf,
                        () -> switches.readLldp(new LldpRequest(changeId, leaf)))));
      }
      Promise.allOf(window).get();
      window.forEach(p -> tables.add(p.get()));
    }
    return tables;
  }
}
