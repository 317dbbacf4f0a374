package io.longhaul.workflows.interfaceaudit;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.interfaceaudit.InterfaceActivities;
import io.longhaul.contracts.interfaceaudit.InterfaceActivities.SwitchPorts;
import io.longhaul.contracts.interfaceaudit.InterfaceAuditWorkflow;
import io.longhaul.workflows.common.ActivityProfiles;
import io.longhaul.workflows.common.ControlledWorkflow;
import io.longhaul.workflows.common.Step;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.List;

/**
 * Lists the site's switches, reads each one's interfaces at once (one journal step per switch, so
 * an unreachable switch parks for an operator to retry or skip without stopping the others), and
 * reports the interfaces that are up without a description. It only reads: nothing to undo.
 */
public class InterfaceAuditWorkflowImpl extends ControlledWorkflow
    implements InterfaceAuditWorkflow {
  private final InterfaceActivities inventory =
      Workflow.newActivityStub(
          InterfaceActivities.class, ActivityProfiles.shortCall(TaskQueues.WORKFLOWS));

  @Override
  public Report audit(Input input) {
    return journal.run(
        () -> {
          String site = input.site();
          InterfaceActivities switches =
              Workflow.newActivityStub(
                  InterfaceActivities.class, ActivityProfiles.shortCall(TaskQueues.site(site)));
          List<String> names =
              journal.step("list-switches", site, () -> inventory.switchesAt(site)).names();
          journal.expect(names.size() + 1);
          List<Promise<SwitchPorts>> reads =
              names.stream()
                  .map(
                      name ->
                          Async.function(
                              () ->
                                  journal.step(
                                      Step.of("read-interfaces", name, SwitchPorts.class)
                                          .skippable(),
                                      () -> switches.readInterfaces(name))))
                  .toList();
          Promise.allOf(reads).get();
          List<SwitchPorts> read = reads.stream().map(Promise::get).toList();
          return report(site, read);
        });
  }

  private static Report report(String site, List<SwitchPorts> read) {
    // A skipped read returns null: that switch is left out of the report, not counted as clean.
    List<SwitchPorts> answered = read.stream().filter(s -> s != null).toList();
    List<String> undescribed =
        answered.stream()
            .flatMap(
                s ->
                    s.ports().stream()
                        .filter(
                            p -> p.up() && (p.description() == null || p.description().isBlank()))
                        .map(p -> s.switchName() + " " + p.name()))
            .toList();
    int interfaces = answered.stream().mapToInt(s -> s.ports().size()).sum();
    return new Report(site, answered.size(), interfaces, undescribed);
  }
}
