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
import io.longhaul.workflows.common.Step;
import io.longhaul.workflows.common.StepPlan;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A spawn as a saga: validate → place → allocate the port → define and start the domain → plug into
 * br-int → bind the port to the host → find the host's leaves → ensure the overlay on both leaves
 * (through each leaf's configuration workflow) → verify → mark active. Each step is a journal step,
 * and each side effect's step carries its undo ({@link Step#compensatedBy}), so it is registered
 * before the side effect. A failure nobody resolves, an abort or a cancellation runs the journal's
 * compensations in reverse: each undo is visible, and a failed one parks as {@code undo:<step>}
 * until an operator retries or skips it. Side effects are keyed by the journal's idempotency key
 * (change id + step + target), so a re-run of the change finds the original's claim, reservation,
 * port and overlay requests instead of making new ones.
 */
public class InstanceSpawnWorkflowImpl extends ControlledWorkflow implements InstanceSpawnWorkflow {
  /**
   * Histories recorded before window gates start the domain without asking the gate; they replay on
   * the old path (DEFAULT_VERSION).
   */
  static final String WINDOW_GATE = "window-gate";

  /**
   * Histories recorded before spawns and teardowns ran on the platform's primitives (journal
   * compensations, idempotency keys) replay on {@link BeforePlatform} (DEFAULT_VERSION).
   */
  static final String ON_PLATFORM = "spawn-on-platform";

  /** How long starting a domain takes at most, for the window's "does it fit" check. */
  static final Duration DOMAIN_START = Duration.ofMinutes(5);

  /**
   * A host is cabled to the two leaves of one pair; progress plans on that until they are known.
   */
  static final int LEAF_PAIR = 2;

  private PlacementActivities placement;
  private IpamActivities ipam;
  private final OverlayActivities overlay =
      Workflow.newActivityStub(
          OverlayActivities.class, ActivityProfiles.awaitReply(TaskQueues.WORKFLOWS));

  /** Null on the platform; a run started before it keeps its keys and its undo list here. */
  private BeforePlatform before;

  @Override
  public SpawnResult spawn(SpawnInput input) {
    DatabaseSteps database = DatabaseSteps.forThisRun();
    placement = database.placement();
    ipam = database.ipam();
    if (platformVersion() < 1) {
      before = new BeforePlatform(journal);
    }
    return journal.run(
        () -> {
          if (before == null) {
            return steps(input);
          }
          try {
            return steps(input);
          } catch (TemporalFailure e) {
            before.undo();
            throw e;
          }
        });
  }

  /**
   * Asked once per run, at its start. Package-private for the replay test's negative control, which
   * takes the new path without asking and must be refused by an old history.
   */
  int platformVersion() {
    return Workflow.getVersion(ON_PLATFORM, Workflow.DEFAULT_VERSION, 1);
  }

  private SpawnResult steps(SpawnInput in) {
    String name = in.name();
    // The instance's holder: the claim's key, which every later step acts under.
    String owner = before == null ? journal.idempotencyKey("validate", name) : before.runId();
    InstanceRef ref = new InstanceRef(owner, name);
    HypervisorActivities hypervisors =
        Workflow.newActivityStub(
            HypervisorActivities.class, ActivityProfiles.hostChange(TaskQueues.site(in.site())));
    SwitchActivities switches =
        Workflow.newActivityStub(
            SwitchActivities.class, ActivityProfiles.shortCall(TaskQueues.site(in.site())));

    StepPlan plan = new StepPlan(journal);
    plan(plan, LEAF_PAIR, in.requireApproval());
    journal.step(
        undoneBy(Step.inTask("validate", name), () -> placement.forget(ref)),
        () -> placement.claim(new ClaimRequest(owner, in)));

    Placement placed =
        journal.step(
            undoneBy(Step.inTask("place", name), () -> placement.releaseCapacity(ref)),
            () -> placement.reserve(ref));
    String host = placed.hypervisor();

    String allocationKey =
        before == null
            ? journal.idempotencyKey("allocate-port", name)
            : before.key("allocate-port");
    PortLease port =
        journal.step(
            undoneBy(
                Step.inTask("allocate-port", name),
                () -> ipam.releasePort(new ReleasePortRequest(null, allocationKey, name))),
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
    Step<Void> defineStart =
        undoneBy(
            sideEffect("define-start", host),
            () -> hypervisors.destroyDomain(new DomainRef(host, name)));
    // The first disruptive step: outside the site's window the spawn waits here, visibly.
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
    journal.step(
        undoneBy(sideEffect("plug", host), () -> hypervisors.unplug(plug)),
        () -> {
          hypervisors.plug(plug);
          return null;
        });

    BindPortRequest bind = new BindPortRequest(port.portId(), host, name);
    bindPort(host, port, bind);

    HostLeaves leaves =
        journal.step(Step.inTask("find-leaves", host), () -> placement.hostLeaves(host));
    plan(plan, switchesOf(leaves).size(), in.requireApproval());
    if (in.requireApproval()
        && Workflow.getVersion(OverlayApproval.CHANGE, Workflow.DEFAULT_VERSION, 1) == 1) {
      OverlayApproval.await(
          journal,
          switches,
          in,
          host,
          port,
          List.copyOf(
              LeafRequests.bySwitch(
                      requestIds("ensure-overlay", "bind"),
                      in.site(),
                      OverlayRequest.APPLY,
                      name,
                      leaves,
                      port.vlan(),
                      port.vni())
                  .values()));
    }
    ensureOverlay(in.site(), name, leaves, port);
    verify(switches, hypervisors, leaves, port, domain);

    journal.step(
        Step.<Void>inTask("activate", name),
        () -> {
          ipam.activatePort(bind);
          placement.setState(new InstanceStateRequest(owner, name, "active", port.portId()));
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
        switchesOf(leaves));
  }

  /**
   * The steps progress counts: the instance's and the host's once, then per leaf its overlay and
   * its check (plus the domain's check); with approval also a plan per leaf and the approval.
   */
  static void plan(StepPlan plan, int leaves, boolean approval) {
    plan.once(
            "validate",
            "place",
            "allocate-port",
            "define-start",
            "plug",
            "bind-port",
            "find-leaves",
            "activate")
        .each(leaves, "ensure-overlay")
        .each(leaves + 1, "verify")
        .each(approval ? leaves : 0, "plan-overlay")
        .each(approval ? 1 : 0, "approve-overlay");
  }

  /**
   * The step with its undo: the journal's compensation, or (before the platform) the run's list.
   */
  private <R> Step<R> undoneBy(Step<R> step, Functions.Proc undo) {
    if (before != null) {
      before.add(step.name(), step.target(), undo);
      return step;
    }
    return step.compensatedBy(undo);
  }

  /**
   * A device step with an undo. A re-run applies it again (idempotent by its key) rather than reuse
   * its recorded result: the original's compensation may have undone it since it was recorded.
   */
  private Step<Void> sideEffect(String name, String target) {
    return before == null ? Step.untyped(name, target) : Step.of(name, target);
  }

  /** Request ids of one overlay step per switch: its idempotency key (before: run id and verb). */
  private Function<String, String> requestIds(String step, String verbBefore) {
    return sw -> before == null ? journal.idempotencyKey(step, sw) : before.key(verbBefore, sw);
  }

  /**
   * Binds the port to the host. Only a drifted pod's port (one it did not create) has an undo: it
   * gives the port back to where it was; a created port goes with allocate-port's undo.
   */
  private void bindPort(String host, PortLease port, BindPortRequest bind) {
    Step<PortBinding> step = Step.inTask("bind-port", host);
    if (port.created()) {
      journal.step(step, () -> ipam.bindPort(bind));
    } else if (before != null) {
      PortBinding previous = journal.step(step, () -> ipam.bindPort(bind));
      before.add("bind-port", host, () -> ipam.restoreBinding(previous));
    } else {
      // The binding it replaced is known once the bind has answered; until then nothing to restore.
      PortBinding[] previous = {null};
      journal.step(
          step.compensatedBy(
              () -> {
                if (previous[0] != null) {
                  ipam.restoreBinding(previous[0]);
                }
              }),
          () -> previous[0] = ipam.bindPort(bind));
    }
  }

  /** Both leaves at once; each leaf's remove request is its apply's undo. */
  private void ensureOverlay(String site, String name, HostLeaves leaves, PortLease port) {
    Map<String, OverlayRequest> applies =
        LeafRequests.bySwitch(
            requestIds("ensure-overlay", "bind"),
            site,
            OverlayRequest.APPLY,
            name,
            leaves,
            port.vlan(),
            port.vni());
    Map<String, OverlayRequest> removes =
        LeafRequests.bySwitch(
            requestIds("undo:ensure-overlay", "unbind"),
            site,
            OverlayRequest.REMOVE,
            name,
            leaves,
            port.vlan(),
            port.vni());
    BeforePlatform.eachAtOnce(
        journal,
        before,
        List.copyOf(applies.keySet()),
        sw ->
            journal.step(
                undoneBy(
                    Step.<OverlayResult>untyped("ensure-overlay", sw),
                    () -> overlay.submit(removes.get(sw))),
                () -> overlay.submit(applies.get(sw))));
  }

  private static List<String> switchesOf(HostLeaves leaves) {
    return leaves.ports().stream().map(HostLeaves.LeafPort::switchName).distinct().toList();
  }

  private void verify(
      SwitchActivities switches,
      HypervisorActivities hypervisors,
      HostLeaves leaves,
      PortLease port,
      DomainRequest domain) {
    BeforePlatform.eachAtOnce(
        journal,
        before,
        switchesOf(leaves),
        sw -> {
          journal.step(
              "verify",
              sw,
              () ->
                  switches.verifyOverlay(
                      new VerifyRequest(sw, LeafRequests.interfacesOn(leaves, sw), port.vlan())));
          return null;
        });
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
