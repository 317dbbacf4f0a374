package io.longhaul.workflows.runbook;

import io.longhaul.contracts.FailureTypes;
import io.longhaul.contracts.cluster.ClusterActivities;
import io.longhaul.contracts.cluster.ClusterRequest;
import io.longhaul.contracts.cluster.ClusterStatus;
import io.longhaul.contracts.spawn.AllocateRequest;
import io.longhaul.contracts.spawn.BindPortRequest;
import io.longhaul.contracts.spawn.BulkAllocateRequest;
import io.longhaul.contracts.spawn.DomainRef;
import io.longhaul.contracts.spawn.DomainRequest;
import io.longhaul.contracts.spawn.DomainStatus;
import io.longhaul.contracts.spawn.HypervisorActivities;
import io.longhaul.contracts.spawn.IpamActivities;
import io.longhaul.contracts.spawn.LeafPlan;
import io.longhaul.contracts.spawn.OverlayPlanRequest;
import io.longhaul.contracts.spawn.OverlayPush;
import io.longhaul.contracts.spawn.PlugRequest;
import io.longhaul.contracts.spawn.PortBinding;
import io.longhaul.contracts.spawn.PortLease;
import io.longhaul.contracts.spawn.PushResult;
import io.longhaul.contracts.spawn.ReleasePortRequest;
import io.longhaul.contracts.spawn.SwitchActivities;
import io.longhaul.contracts.spawn.VerifyRequest;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Activities of the actions a runbook test uses, recording each call as "method argument"; {@code
 * failing} methods fail (retryably {@code failTimes} times, then for good when it is negative).
 * Domain status reports "running" from the {@code runningAfter}-th poll on.
 */
class FakeGear
    implements HypervisorActivities, IpamActivities, SwitchActivities, ClusterActivities {
  final List<String> calls = new CopyOnWriteArrayList<>();
  final Set<String> failing = ConcurrentHashMap.newKeySet();
  final AtomicInteger attempts = new AtomicInteger();
  final AtomicInteger polls = new AtomicInteger();
  volatile int runningAfter = 3;

  private void call(String method, Object arg) {
    calls.add(method + " " + arg);
    if (failing.contains(method)) {
      attempts.incrementAndGet();
      throw ApplicationFailure.newFailure(method + " failed", FailureTypes.DEVICE_UNREACHABLE);
    }
  }

  @Override
  public void defineAndStart(DomainRequest r) {
    call("defineAndStart", r.domain() + "@" + r.hypervisor());
  }

  @Override
  public void destroyDomain(DomainRef d) {
    call("destroyDomain", d.domain() + "@" + d.hypervisor());
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
    String state = polls.incrementAndGet() >= runningAfter ? "running" : "shut off";
    return new DomainStatus(r.hypervisor(), r.domain(), state, "");
  }

  @Override
  public PortLease allocatePort(AllocateRequest r) {
    call("allocatePort", r.allocationKey());
    return new PortLease(
        "p-" + r.allocationKey(),
        r.name(),
        7,
        "web",
        "10.0.0.5",
        24,
        "52:54:00:00:00:05",
        "10.0.0.1",
        100,
        10100,
        "reserved",
        null,
        true);
  }

  @Override
  public List<PortLease> allocatePorts(BulkAllocateRequest r) {
    throw new UnsupportedOperationException();
  }

  @Override
  public PortBinding bindPort(BindPortRequest r) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void restoreBinding(PortBinding previous) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void activatePort(BindPortRequest r) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean releasePort(ReleasePortRequest r) {
    call("releasePort", r.allocationKey());
    return true;
  }

  @Override
  public PushResult pushOverlay(OverlayPush p) {
    call("pushOverlay", p.switchName() + " apply=" + p.apply() + " remove=" + p.remove());
    return new PushResult(p.switchName(), p.changeId(), true, p.apply().size() + p.remove().size());
  }

  @Override
  public LeafPlan planOverlay(OverlayPlanRequest r) {
    call("planOverlay", r.switchName());
    return new LeafPlan(r.switchName(), "nxos", List.of("vlan " + r.bindings().getFirst().vlan()));
  }

  @Override
  public void verifyOverlay(VerifyRequest r) {
    call("verifyOverlay", r.switchName() + " " + r.vlan());
  }

  @Override
  public ClusterStatus probe(ClusterRequest r) {
    call("probe", r.cluster());
    return new ClusterStatus(r.cluster(), "mesh", "1.2", true, "ok");
  }
}
