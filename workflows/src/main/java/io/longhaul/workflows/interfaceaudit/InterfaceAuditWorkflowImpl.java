package io.longhaul.workflows.interfaceaudit;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.interfaceaudit.InterfaceActivities;
import io.longhaul.contracts.interfaceaudit.InterfaceActivities.SwitchPorts;
import io.longhaul.contracts.interfaceaudit.InterfaceAuditWorkflow;
import io.longhaul.workflows.common.ActivityProfiles;
import io.longhaul.workflows.common.ControlledWorkflow;
import io.longhaul.workflows.common.Step;
import io.temporal.workflow.Workflow;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Lists the site's switches, reads their interfaces {@link #READS_AT_ONCE} at a time (one journal
 * step per switch, so an unreachable switch parks for an operator to retry or skip without stopping
 * the others), and reports the interfaces that are up without a description. It only reads: nothing
 * to undo.
 */
public class InterfaceAuditWorkflowImpl extends ControlledWorkflow
    implements InterfaceAuditWorkflow {
  /** Reads are short SNMP walks; eight at once keeps a site's worker slots for other runs. */
  static final int READS_AT_ONCE = 8;

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
          Map<String, SwitchPorts> read =
              journal.forEach(
                  names,
                  READS_AT_ONCE,
                  name ->
                      journal.step(
                          Step.of("read-interfaces", name, SwitchPorts.class).skippable(),
                          () -> switches.readInterfaces(name)));
          return report(site, read.values());
        });
  }

  private static Report report(String site, Collection<SwitchPorts> read) {
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
