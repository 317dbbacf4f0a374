package io.longhaul.workflows.spawn;

import io.longhaul.contracts.FailureTypes;
import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.spawn.AllocateRequest;
import io.longhaul.contracts.spawn.BindPortRequest;
import io.longhaul.contracts.spawn.ClaimRequest;
import io.longhaul.contracts.spawn.DomainRef;
import io.longhaul.contracts.spawn.DomainRequest;
import io.longhaul.contracts.spawn.DomainStatus;
import io.longhaul.contracts.spawn.HostLeaves;
import io.longhaul.contracts.spawn.HypervisorActivities;
import io.longhaul.contracts.spawn.InstanceRef;
import io.longhaul.contracts.spawn.InstanceSpawnWorkflow;
import io.longhaul.contracts.spawn.InstanceStateRequest;
import io.longhaul.contracts.spawn.IpamActivities;
import io.longhaul.contracts.spawn.OverlayActivities;
import io.longhaul.contracts.spawn.OverlayRequest;
import io.longhaul.contracts.spawn.OverlayResult;
import io.longhaul.contracts.spawn.Placement;
import io.longhaul.contracts.spawn.PlacementActivities;
import io.longhaul.contracts.spawn.PlugRequest;
import io.longhaul.contracts.spawn.PortBinding;
import io.longhaul.contracts.spawn.PortLease;
import io.longhaul.contracts.spawn.ReleasePortRequest;
import io.longhaul.contracts.spawn.SpawnInput;
import io.longhaul.contracts.spawn.SpawnResult;
import io.longhaul.contracts.spawn.SwitchActivities;
import io.longhaul.contracts.spawn.VerifyRequest;
import io.longhaul.contracts.window.Scope;
import io.longhaul.workflows.common.ActivityProfiles;
import io.longhaul.workflows.common.ControlledWorkflow;
import io.longhaul.workflows.common.RunJournal;
import io.longhaul.workflows.common.Step;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 001's Fig 10 as a saga: validate → place → allocate the port → define and start the domain →
 * plug into br-int → bind the port to the host → find the host's leaves → ensure the overlay on
 * both leaves (through each leaf's configuration workflow) → verify → mark active. Each step is a
 * journal step; each side effect registers its undo first. A failure that exhausts a step's
 * retries, or a cancellation, undoes every completed step in reverse and the run ends failed.
 */
public class InstanceSpawnWorkflowImpl extends ControlledWorkflow implements InstanceSpawnWorkflow {
  /**
   * Histories recorded before window gates start the domain without asking the gate; they replay on
   * the old path (DEFAULT_VERSION).
   */
  static final String WINDOW_GATE = "window-gate";

  /** How long starting a domain takes at most, for the window's "does it fit" check. */
  static final Duration DOMAIN_START = Duration.ofMinutes(5);

  private PlacementActivities placement;
  private IpamActivities ipam;
  private final OverlayActivities overlay =
      Workflow.newActivityStub(
          OverlayActivities.class, ActivityProfiles.awaitReply(TaskQueues.WORKFLOWS));

  @Override
  public SpawnResult spawn(SpawnInput input) {
    DatabaseSteps database = DatabaseSteps.forThisRun();
    placement = database.placement();
    ipam = database.ipam();
    Compensations undo = new Compensations(journal);
    return journal.run(
        () -> {
          try {
            return steps(journal, undo, input);
          } catch (TemporalFailure e) {
            undo.run();
            throw e;
          }
        });
  }

  private SpawnResult steps(RunJournal journal, Compensations undo, SpawnInput in) {
    String runId = Workflow.getInfo().getWorkflowId();
    String name = in.name();
    InstanceRef ref = new InstanceRef(runId, name);
    HypervisorActivities hypervisors =
        Workflow.newActivityStub(
            HypervisorActivities.class, ActivityProfiles.hostChange(TaskQueues.site(in.site())));
    SwitchActivities switches =
        Workflow.newActivityStub(
            SwitchActivities.class, ActivityProfiles.shortCall(TaskQueues.site(in.site())));

    // Progress counts against this (a host on two leaves); set exactly once the leaves are known.
    journal.expect(stepCount(2, in.requireApproval()));
    undo.add("validate", name, () -> placement.forget(ref));
    journal.step(Step.inTask("validate", name), () -> placement.claim(new ClaimRequest(runId, in)));

    undo.add("place", name, () -> placement.releaseCapacity(ref));
    Placement placed = journal.step(Step.inTask("place", name), () -> placement.reserve(ref));
    String host = placed.hypervisor();

    String allocationKey = runId + ":allocate-port";
    undo.add(
        "allocate-port",
        name,
        () -> ipam.releasePort(new ReleasePortRequest(null, allocationKey, name)));
    PortLease port =
        journal.step(
            Step.inTask("allocate-port", name),
            () ->
                ipam.allocatePort(
                    new AllocateRequest(
                        in.site(),
                        in.networkId(),
                        in.networkLabel(),
                        in.effectivePortName(),
                        allocationKey)));
    if (port.vni() == null) {
      throw ApplicationFailure.newNonRetryableFailure(
          "network " + port.network() + " has no VNI to bind on the leaves",
          FailureTypes.INVALID_PARAMETER);
    }

    DomainRequest domain =
        new DomainRequest(
            host, name, in.memoryMiB(), in.vcpus(), port.mac(), port.tapName(), port.portId());
    undo.add("define-start", host, () -> hypervisors.destroyDomain(new DomainRef(host, name)));
    // The first disruptive step: outside the site's window the spawn waits here, visibly.
    Step<Void> defineStart = Step.of("define-start", host);
    if (Workflow.getVersion(WINDOW_GATE, Workflow.DEFAULT_VERSION, 1) >= 1) {
      defineStart = defineStart.inWindow(DOMAIN_START, Scope.site(in.site()));
    }
    journal.step(
        defineStart,
        () -> {
          hypervisors.defineAndStart(domain);
          return null;
        });

    PlugRequest plug = new PlugRequest(host, port.tapName(), port.portId());
    undo.add("plug", host, () -> hypervisors.unplug(plug));
    journal.step("plug", host, () -> hypervisors.plug(plug));

    BindPortRequest bind = new BindPortRequest(port.portId(), host, name);
    PortBinding previous = journal.step(Step.inTask("bind-port", host), () -> ipam.bindPort(bind));
    if (!port.created()) {
      // A drifted pod's port: undoing the bind gives it back to where it was.
      undo.add("bind-port", host, () -> ipam.restoreBinding(previous));
    }

    HostLeaves leaves =
        journal.step(Step.inTask("find-leaves", host), () -> placement.hostLeaves(host));
    journal.expect(
        stepCount(
            (int) leaves.ports().stream().map(HostLeaves.LeafPort::switchName).distinct().count(),
            in.requireApproval()));
    if (in.requireApproval()
        && Workflow.getVersion(OverlayApproval.CHANGE, Workflow.DEFAULT_VERSION, 1) == 1) {
      OverlayApproval.await(
          journal,
          switches,
          in,
          host,
          port,
          LeafRequests.of(
              runId,
              "bind",
              in.site(),
              OverlayRequest.APPLY,
              name,
              leaves,
              port.vlan(),
              port.vni()));
    }
    ensureOverlay(journal, undo, runId, in.site(), name, leaves, port);
    verify(journal, switches, hypervisors, leaves, port, domain);

    journal.step(
        Step.<Void>inTask("activate", name),
        () -> {
          ipam.activatePort(bind);
          placement.setState(new InstanceStateRequest(runId, name, "active", port.portId()));
          return null;
        });
    return new SpawnResult(
        name,
        host,
        port.portId(),
        port.ip(),
        port.mac(),
        port.gateway(),
        port.vlan(),
        port.vni(),
        leaves.ports().stream().map(HostLeaves.LeafPort::switchName).distinct().toList());
  }

  /**
   * Seven steps up to find-leaves, then per leaf ensure-overlay and verify, the domain's verify and
   * activate; with approval also a plan per leaf and the approval itself.
   */
  static int stepCount(int leaves, boolean approval) {
    return 7 + 2 * leaves + 2 + (approval ? leaves + 1 : 0);
  }

  /** Both leaves at once; each request's undo is registered before it is sent. */
  private void ensureOverlay(
      RunJournal journal,
      Compensations undo,
      String runId,
      String site,
      String name,
      HostLeaves leaves,
      PortLease port) {
    List<OverlayRequest> removes =
        LeafRequests.of(
            runId, "unbind", site, OverlayRequest.REMOVE, name, leaves, port.vlan(), port.vni());
    removes.forEach(r -> undo.add("ensure-overlay", r.switchName(), () -> overlay.submit(r)));
    List<Promise<OverlayResult>> sent = new ArrayList<>();
    for (OverlayRequest r :
        LeafRequests.of(
            runId, "bind", site, OverlayRequest.APPLY, name, leaves, port.vlan(), port.vni())) {
      sent.add(
          Async.function(
              () -> journal.step("ensure-overlay", r.switchName(), () -> overlay.submit(r))));
    }
    Promise.allOf(sent).get();
    sent.forEach(Promise::get);
  }

  private void verify(
      RunJournal journal,
      SwitchActivities switches,
      HypervisorActivities hypervisors,
      HostLeaves leaves,
      PortLease port,
      DomainRequest domain) {
    List<Promise<Void>> checks = new ArrayList<>();
    leaves.ports().stream()
        .map(HostLeaves.LeafPort::switchName)
        .distinct()
        .forEach(
            sw ->
                checks.add(
                    Async.procedure(
                        () ->
                            journal.step(
                                "verify",
                                sw,
                                () ->
                                    switches.verifyOverlay(
                                        new VerifyRequest(
                                            sw,
                                            LeafRequests.interfacesOn(leaves, sw),
                                            port.vlan()))))));
    Promise.allOf(checks).get();
    checks.forEach(Promise::get);
    journal.step(
        "verify",
        domain.hypervisor(),
        () -> {
          DomainStatus status = hypervisors.domainStatus(domain);
          if (!"running".equals(status.state()) || !port.portId().equals(status.ifaceId())) {
            throw ApplicationFailure.newNonRetryableFailure(
                domain.domain()
                    + " on "
                    + domain.hypervisor()
                    + " is "
                    + status.state()
                    + " with iface-id '"
                    + status.ifaceId()
                    + "'",
                FailureTypes.VERIFICATION_FAILED);
          }
        });
  }
}
