package io.longhaul.workflows.spawn;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.spawn.DeleteInput;
import io.longhaul.contracts.spawn.DeleteResult;
import io.longhaul.contracts.spawn.DomainRef;
import io.longhaul.contracts.spawn.HostLeaves;
import io.longhaul.contracts.spawn.HypervisorActivities;
import io.longhaul.contracts.spawn.InstanceDeleteWorkflow;
import io.longhaul.contracts.spawn.InstanceRef;
import io.longhaul.contracts.spawn.InstanceStateRequest;
import io.longhaul.contracts.spawn.InstanceView;
import io.longhaul.contracts.spawn.IpamActivities;
import io.longhaul.contracts.spawn.OverlayActivities;
import io.longhaul.contracts.spawn.OverlayRequest;
import io.longhaul.contracts.spawn.OverlayResult;
import io.longhaul.contracts.spawn.PlacementActivities;
import io.longhaul.contracts.spawn.PlugRequest;
import io.longhaul.contracts.spawn.PortLease;
import io.longhaul.contracts.spawn.ReleasePortRequest;
import io.longhaul.workflows.common.ActivityProfiles;
import io.longhaul.workflows.common.ControlledWorkflow;
import io.longhaul.workflows.common.RunJournal;
import io.longhaul.workflows.common.Step;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.Map;

/**
 * Teardown: the spawn's steps in reverse. The overlay goes first (through each leaf's workflow,
 * removed only where this instance was the binding's last user), then the domain and its OVS port,
 * the IPAM port (unless a drifted pod holds it now), the capacity and the record. Every step is
 * idempotent, so a failed teardown is finished by running it again; the instance stays in state
 * {@code deleting} meanwhile. Its side effects are keyed by the journal's idempotency key, so a
 * re-run acts as the same holder of the instance and sends the same overlay requests.
 */
public class InstanceDeleteWorkflowImpl extends ControlledWorkflow
    implements InstanceDeleteWorkflow {
  private PlacementActivities placement;
  private IpamActivities ipam;
  private final OverlayActivities overlay =
      Workflow.newActivityStub(
          OverlayActivities.class, ActivityProfiles.awaitReply(TaskQueues.WORKFLOWS));

  /** Null on the platform; a run started before it keeps its run-id keys here. */
  private BeforePlatform before;

  @Override
  public DeleteResult delete(DeleteInput input) {
    DatabaseSteps database = DatabaseSteps.forThisRun();
    placement = database.placement();
    ipam = database.ipam();
    if (Workflow.getVersion(InstanceSpawnWorkflowImpl.ON_PLATFORM, Workflow.DEFAULT_VERSION, 1)
        < 1) {
      before = new BeforePlatform(journal);
    }
    return journal.run(() -> steps(journal, input.name()));
  }

  private DeleteResult steps(RunJournal journal, String name) {
    // The instance's holder while it is torn down: mark-deleting's key.
    String owner = before == null ? journal.idempotencyKey("mark-deleting", name) : before.runId();
    InstanceRef ref = new InstanceRef(owner, name);
    InstanceView instance = journal.step(Step.inTask("find", name), () -> placement.find(ref));
    journal.step(
        Step.<Void>inTask("mark-deleting", name),
        () -> {
          placement.setState(new InstanceStateRequest(owner, name, "deleting", null));
          return null;
        });
    String host = instance.hypervisor();
    boolean released = true;
    if (host != null) {
      HypervisorActivities hypervisors =
          Workflow.newActivityStub(
              HypervisorActivities.class,
              ActivityProfiles.hostChange(TaskQueues.site(instance.site())));
      if (instance.vlan() != null && instance.vni() != null) {
        HostLeaves leaves =
            journal.step(Step.inTask("find-leaves", host), () -> placement.hostLeaves(host));
        Map<String, OverlayRequest> removes =
            LeafRequests.bySwitch(
                sw ->
                    before == null
                        ? journal.idempotencyKey("remove-overlay", sw)
                        : before.key("unbind", sw),
                instance.site(),
                OverlayRequest.REMOVE,
                name,
                leaves,
                instance.vlan(),
                instance.vni());
        Functions.Func1<String, OverlayResult> remove =
            sw -> journal.step("remove-overlay", sw, () -> overlay.submit(removes.get(sw)));
        BeforePlatform.eachAtOnce(journal, before, List.copyOf(removes.keySet()), remove);
      }
      journal.step("destroy", host, () -> hypervisors.destroyDomain(new DomainRef(host, name)));
      if (instance.portId() != null) {
        String tap = PortLease.tapOf(instance.portId());
        journal.step(
            "unplug",
            host,
            () -> hypervisors.unplug(new PlugRequest(host, tap, instance.portId())));
      }
    }
    if (instance.portId() != null) {
      released =
          journal.step(
              Step.inTask("release-port", name),
              () -> ipam.releasePort(new ReleasePortRequest(instance.portId(), null, name)));
    }
    journal.step(
        Step.<Void>inTask("release-capacity", name),
        () -> {
          placement.releaseCapacity(ref);
          return null;
        });
    journal.step(
        Step.<Void>inTask("forget", name),
        () -> {
          placement.forget(ref);
          return null;
        });
    return new DeleteResult(name, host, released);
  }
}
