package io.longhaul.workflows.spawn;

import io.longhaul.contracts.spawn.LeafPlan;
import io.longhaul.contracts.spawn.OverlayPlanRequest;
import io.longhaul.contracts.spawn.OverlayRequest;
import io.longhaul.contracts.spawn.PortLease;
import io.longhaul.contracts.spawn.SpawnInput;
import io.longhaul.contracts.spawn.SwitchActivities;
import io.longhaul.workflows.common.Approval;
import io.longhaul.workflows.common.RunJournal;
import io.longhaul.workflows.common.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A spawn with {@code requireApproval}: before the leaves are touched, each leaf's lines are
 * planned against its running configuration (step {@code plan-overlay}) and an approver sees the
 * host, the port and those lines (step {@code approve-overlay}). A rejection or an expiry fails the
 * run, which undoes everything the spawn did so far.
 */
final class OverlayApproval {
  /** The {@code Workflow.getVersion} change id: histories from before it never ask. */
  static final String CHANGE = "spawn-overlay-approval";

  static final Duration EXPIRES_AFTER = Duration.ofDays(1);

  private OverlayApproval() {}

  static void await(
      RunJournal journal,
      SwitchActivities switches,
      SpawnInput in,
      String host,
      PortLease port,
      List<OverlayRequest> applies) {
    List<LeafPlan> plans = new ArrayList<>();
    for (OverlayRequest r : applies) {
      plans.add(
          journal.step(
              Step.of("plan-overlay", r.switchName(), LeafPlan.class),
              () -> switches.planOverlay(new OverlayPlanRequest(r.switchName(), r.bindings()))));
    }
    String plan = render(in, host, port, plans);
    journal.step(
        Step.of("approve-overlay", in.name()).approvedBy(Approval.byApprover(plan, EXPIRES_AFTER)),
        () -> null);
  }

  /** Plain text an approver reads: what is placed where, then each leaf's exact lines. */
  static String render(SpawnInput in, String host, PortLease port, List<LeafPlan> plans) {
    StringBuilder s = new StringBuilder();
    s.append("instance  ")
        .append(in.name())
        .append(" (")
        .append(in.kind())
        .append(", ")
        .append(in.vcpus())
        .append(" vCPU, ")
        .append(in.memoryMiB())
        .append(" MiB)\n");
    s.append("host      ").append(host).append('\n');
    s.append("port      ")
        .append(port.ip())
        .append('/')
        .append(port.prefixLength())
        .append("  MAC ")
        .append(port.mac())
        .append('\n');
    s.append("network   ")
        .append(port.network())
        .append("  VLAN ")
        .append(port.vlan())
        .append("  VNI ")
        .append(port.vni())
        .append('\n');
    for (LeafPlan p : plans) {
      s.append('\n').append(p.switchName()).append(" (").append(p.dialect()).append(")\n");
      if (p.commands().isEmpty()) {
        s.append("  (no change: the leaf already carries it)\n");
      }
      for (String line : p.commands()) {
        // Sub-commands under their interface/VLAN, as the running configuration shows them.
        boolean top = line.startsWith("interface ") || line.startsWith("vlan ");
        s.append(top ? "  " : "    ").append(line).append('\n');
      }
    }
    return s.toString();
  }
}
