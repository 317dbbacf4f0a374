package io.longhaul.workflows.spawn;

import io.longhaul.contracts.FailureTypes;
import io.longhaul.contracts.control.LeaseActivities;
import io.longhaul.contracts.control.LeaseGrant;
import io.longhaul.contracts.control.LeaseRelease;
import io.longhaul.contracts.control.LeaseRequest;
import io.longhaul.contracts.control.RunContext;
import io.longhaul.contracts.control.RunControlActivities;
import io.longhaul.contracts.control.RunMirror;
import io.longhaul.contracts.control.StepCompletion;
import io.longhaul.contracts.control.StepWithdrawal;
import io.longhaul.contracts.run.ChildRunActivities;
import io.longhaul.contracts.run.RunOutcome;
import io.longhaul.contracts.run.RunRecorderActivities;
import io.longhaul.contracts.run.StepEvent;
import io.longhaul.contracts.spawn.AllocateRequest;
import io.longhaul.contracts.spawn.BindPortRequest;
import io.longhaul.contracts.spawn.BulkAllocateRequest;
import io.longhaul.contracts.spawn.ClaimRequest;
import io.longhaul.contracts.spawn.DomainRef;
import io.longhaul.contracts.spawn.DomainRequest;
import io.longhaul.contracts.spawn.DomainStatus;
import io.longhaul.contracts.spawn.HostLeaves;
import io.longhaul.contracts.spawn.HypervisorActivities;
import io.longhaul.contracts.spawn.InstanceRef;
import io.longhaul.contracts.spawn.InstanceStateRequest;
import io.longhaul.contracts.spawn.InstanceView;
import io.longhaul.contracts.spawn.IpamActivities;
import io.longhaul.contracts.spawn.LeafPlan;
import io.longhaul.contracts.spawn.OverlayActivities;
import io.longhaul.contracts.spawn.OverlayBatch;
import io.longhaul.contracts.spawn.OverlayPlanRequest;
import io.longhaul.contracts.spawn.OverlayPush;
import io.longhaul.contracts.spawn.OverlayRequest;
import io.longhaul.contracts.spawn.OverlayResult;
import io.longhaul.contracts.spawn.Placement;
import io.longhaul.contracts.spawn.PlacementActivities;
import io.longhaul.contracts.spawn.PlugRequest;
import io.longhaul.contracts.spawn.PortBinding;
import io.longhaul.contracts.spawn.PortLease;
import io.longhaul.contracts.spawn.PushResult;
import io.longhaul.contracts.spawn.ReleasePortRequest;
import io.longhaul.contracts.spawn.SwitchActivities;
import io.longhaul.contracts.spawn.VerifyRequest;
import io.longhaul.contracts.window.GateQuery;
import io.longhaul.contracts.window.GateRules;
import io.longhaul.contracts.window.WindowActivities;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fakes of every activity the spawn workflows use. Each call is logged as "method target"; a call
 * whose method is {@code failing}, or {@code broken} while it is set, throws a non-retryable
 * CommandRejected. Every idempotency key a side effect is sent with is logged in {@code keys}.
 */
final class SpawnFakes
    implements PlacementActivities,
        IpamActivities,
        OverlayActivities,
        HypervisorActivities,
        SwitchActivities,
        RunRecorderActivities,
        RunControlActivities,
        LeaseActivities,
        ChildRunActivities,
        WindowActivities {
  static final String PORT_ID = "0f5c2a9e-1d4b-4c3a-9b7e-5a1f2e3d4c5b";
  final List<String> calls = new CopyOnWriteArrayList<>();
  final List<StepEvent> events = new CopyOnWriteArrayList<>();
  final List<RunOutcome> outcomes = new CopyOnWriteArrayList<>();
  final List<OverlayBatch> batches = new CopyOnWriteArrayList<>();
  final List<String> keys = new CopyOnWriteArrayList<>();
  final List<io.longhaul.contracts.control.Progress> progress = new CopyOnWriteArrayList<>();
  final String failing;

  /** A method that fails while set, e.g. an undo an operator retries until it is mended. */
  volatile String broken;

  /** False: allocatePort finds a port it did not create (a drifted pod's, by name). */
  volatile boolean portCreated = true;

  /** The change id {@link #begin} reports; null: the run's own id (a first run). */
  volatile String changeId;

  SpawnFakes(String failing) {
    this.failing = failing;
  }

  /** No windows and no freezes: every gated step may start at once. */
  @Override
  public GateRules rules(GateQuery query) {
    return new GateRules(query.scopes(), List.of(), List.of());
  }

  private void call(String method, String target) {
    calls.add(method + " " + target);
    if (method.equals(failing) || method.equals(broken)) {
      throw ApplicationFailure.newNonRetryableFailure(
          target + " [" + method + "]: rejected", FailureTypes.COMMAND_REJECTED);
    }
  }

  @Override
  public InstanceView claim(ClaimRequest r) {
    call("claim", r.input().name());
    keys.add(r.runId());
    return new InstanceView(r.input().name(), "vm", "s1", "spawning", null, null, null, null);
  }

  @Override
  public Placement reserve(InstanceRef i) {
    call("reserve", i.name());
    return new Placement(i.name(), "hv1", 1, 256);
  }

  @Override
  public void releaseCapacity(InstanceRef i) {
    call("releaseCapacity", i.name());
  }

  @Override
  public HostLeaves hostLeaves(String hypervisor) {
    call("hostLeaves", hypervisor);
    return new HostLeaves(
        hypervisor,
        "pair1",
        List.of(
            new HostLeaves.LeafPort("eth0", "leaf1", "Ethernet1/1"),
            new HostLeaves.LeafPort("eth1", "leaf2", "Ethernet1/1")));
  }

  @Override
  public void setState(InstanceStateRequest r) {
    call("setState", r.name() + " " + r.state());
  }

  @Override
  public void forget(InstanceRef i) {
    call("forget", i.name());
  }

  @Override
  public InstanceView find(InstanceRef i) {
    call("find", i.name());
    return new InstanceView(i.name(), "vm", "s1", "active", "hv1", PORT_ID, 100, 10100);
  }

  @Override
  public PortLease allocatePort(AllocateRequest r) {
    call("allocatePort", r.allocationKey());
    keys.add(r.allocationKey());
    return new PortLease(
        PORT_ID,
        r.name(),
        1,
        "s1-prod",
        "10.1.0.2",
        24,
        "02:4c:00:00:00:01",
        "10.1.0.1",
        100,
        10100,
        "reserved",
        null,
        portCreated);
  }

  @Override
  public List<PortLease> allocatePorts(BulkAllocateRequest r) {
    throw new UnsupportedOperationException();
  }

  @Override
  public PortBinding bindPort(BindPortRequest r) {
    call("bindPort", r.hypervisor());
    return new PortBinding(r.portId(), "reserved", null, null);
  }

  @Override
  public void restoreBinding(PortBinding previous) {
    call("restoreBinding", previous.portId());
  }

  @Override
  public void activatePort(BindPortRequest r) {
    call("activatePort", r.instance());
  }

  @Override
  public boolean releasePort(ReleasePortRequest r) {
    call("releasePort", r.portId() == null ? r.allocationKey() : r.portId());
    return true;
  }

  @Override
  public OverlayResult submit(OverlayRequest r) {
    call("submit-" + r.action(), r.switchName());
    keys.add(r.requestId());
    return new OverlayResult(r.requestId(), r.switchName(), "b1", true);
  }

  @Override
  public OverlayPush count(OverlayBatch batch) {
    batches.add(batch);
    calls.add("count " + batch.requests().size());
    var bindings =
        batch.requests().stream().flatMap(r -> r.bindings().stream()).distinct().toList();
    boolean apply = OverlayRequest.APPLY.equals(batch.requests().get(0).action());
    return new OverlayPush(
        batch.batchId(),
        batch.switchName(),
        apply ? bindings : List.of(),
        apply ? List.of() : bindings);
  }

  @Override
  public PushResult pushOverlay(OverlayPush push) {
    call("pushOverlay", push.switchName());
    sleep(30); // long enough for requests to pile up behind a push
    return new PushResult(push.switchName(), push.changeId(), true, 2);
  }

  @Override
  public LeafPlan planOverlay(OverlayPlanRequest r) {
    call("planOverlay", r.switchName());
    return new LeafPlan(
        r.switchName(),
        "nxos",
        r.bindings().stream()
            .map(b -> "interface " + b.interfaceName() + " vlan add " + b.vlan())
            .toList());
  }

  @Override
  public void verifyOverlay(VerifyRequest r) {
    call("verifyOverlay", r.switchName());
  }

  @Override
  public void defineAndStart(DomainRequest r) {
    call("defineAndStart", r.domain());
  }

  @Override
  public void destroyDomain(DomainRef d) {
    call("destroyDomain", d.domain());
  }

  @Override
  public void plug(PlugRequest r) {
    call("plug", r.tap());
  }

  @Override
  public void unplug(PlugRequest r) {
    call("unplug", r.tap());
  }

  @Override
  public DomainStatus domainStatus(DomainRequest r) {
    call("domainStatus", r.domain());
    return new DomainStatus(r.hypervisor(), r.domain(), "running", r.portId());
  }

  @Override
  public void register(ChildRuns request) {
    calls.add("register " + request.children().size());
  }

  @Override
  public void recordEvent(StepEvent event) {
    events.add(event);
  }

  @Override
  public RunContext begin(String runId) {
    return new RunContext(changeId == null ? runId : changeId, java.util.Map.of());
  }

  @Override
  public void withdrawStep(StepWithdrawal withdrawal) {
    events.add(withdrawal.compensated());
  }

  @Override
  public void completeStep(StepCompletion completion) {
    events.add(completion.event());
    progress.add(completion.progress());
  }

  @Override
  public void mirror(RunMirror mirror) {}

  @Override
  public LeaseGrant acquire(LeaseRequest request) {
    return new LeaseGrant(true, List.of());
  }

  @Override
  public List<String> release(LeaseRelease release) {
    return List.of();
  }

  @Override
  public void recordOutcome(RunOutcome outcome) {
    outcomes.add(outcome);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
