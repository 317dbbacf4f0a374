package io.longhaul.bench.spawn;

import io.longhaul.activities.DeviceAccess;
import io.longhaul.activities.spawn.IpamActivitiesImpl;
import io.longhaul.activities.spawn.OverlayActivitiesImpl;
import io.longhaul.activities.spawn.PlacementActivitiesImpl;
import io.longhaul.activities.spawn.SwitchOverlayActivitiesImpl;
import io.longhaul.contracts.spawn.AllocateRequest;
import io.longhaul.contracts.spawn.BindPortRequest;
import io.longhaul.contracts.spawn.ClaimRequest;
import io.longhaul.contracts.spawn.HostLeaves;
import io.longhaul.contracts.spawn.InstanceRef;
import io.longhaul.contracts.spawn.InstanceStateRequest;
import io.longhaul.contracts.spawn.LeafBinding;
import io.longhaul.contracts.spawn.OverlayBatch;
import io.longhaul.contracts.spawn.OverlayPush;
import io.longhaul.contracts.spawn.OverlayRequest;
import io.longhaul.contracts.spawn.Placement;
import io.longhaul.contracts.spawn.PlugRequest;
import io.longhaul.contracts.spawn.PortLease;
import io.longhaul.contracts.spawn.SpawnInput;
import io.longhaul.contracts.spawn.VerifyRequest;
import io.longhaul.drivers.capability.DomainSpec;
import io.longhaul.drivers.capability.Hypervisor;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

/**
 * The spawn without orchestration: the same repository and driver calls as the workflow's
 * activities, in the same order, from a plain thread. Database steps and the leaf push call the
 * activity beans themselves; hypervisor steps call the driver as {@code HypervisorActivitiesImpl}
 * does (its heartbeats need an activity context). Leaf changes respect the workflow's per-leaf
 * serialisation: one push at a time per leaf, the requests waiting meanwhile batched into the next
 * push (the same batching as {@code LeafConfig}, without its linger). No journal, no compensation.
 */
final class DirectSpawn {
  /** Driver and repository calls per spawn (2 leaves): the figure overhead is divided by. */
  static final int STEPS = 16;

  private final PlacementActivitiesImpl placement;
  private final IpamActivitiesImpl ipam;
  private final OverlayActivitiesImpl overlay;
  private final SwitchOverlayActivitiesImpl switches;
  private final DeviceAccess devices;
  private final Map<String, LeafQueue> leaves = new ConcurrentHashMap<>();

  DirectSpawn(SpawnStack stack) {
    this.placement = stack.placement();
    this.ipam = stack.ipam();
    this.overlay = stack.overlay();
    this.switches = stack.switches();
    this.devices = stack.devices();
  }

  void spawn(String name) {
    String runId = "direct-" + UUID.randomUUID();
    var in =
        new SpawnInput(SpawnStack.SITE, name, "vm", null, "web", null, null, 1, 256, null, false);
    var ref = new InstanceRef(runId, name);
    retried(() -> placement.claim(new ClaimRequest(runId, in)));
    Placement placed = retried(() -> placement.reserve(ref));
    String host = placed.hypervisor();
    PortLease port =
        retried(
            () ->
                ipam.allocatePort(
                    new AllocateRequest(
                        in.site(),
                        null,
                        in.networkLabel(),
                        in.effectivePortName(),
                        runId + ":allocate")));
    Hypervisor h = devices.hypervisor(host);
    h.define(
        new DomainSpec(
            name,
            in.memoryMiB(),
            in.vcpus(),
            List.of(new DomainSpec.Nic(port.mac(), port.tapName(), port.portId())),
            new io.longhaul.drivers.capability.DomainOwner(runId, runId, name)));
    h.start(name);
    devices.hypervisor(host).plug(PlugRequest.BRIDGE, port.tapName(), port.portId());
    var bind = new BindPortRequest(port.portId(), host, name);
    retried(() -> ipam.bindPort(bind));
    HostLeaves hl = retried(() -> placement.hostLeaves(host));
    Map<String, List<LeafBinding>> bySwitch = new LinkedHashMap<>();
    for (HostLeaves.LeafPort p : hl.ports()) {
      bySwitch
          .computeIfAbsent(p.switchName(), k -> new ArrayList<>())
          .add(new LeafBinding(p.interfaceName(), port.vlan(), port.vni()));
    }
    // Both leaves at once, as the workflow does.
    List<CompletableFuture<Void>> pushes = new ArrayList<>();
    bySwitch.forEach(
        (sw, bindings) ->
            pushes.add(
                leaf(sw)
                    .submit(
                        new OverlayRequest(
                            runId + ":bind:" + sw,
                            in.site(),
                            sw,
                            OverlayRequest.APPLY,
                            name,
                            bindings))));
    pushes.forEach(CompletableFuture::join);
    List<CompletableFuture<Void>> checks = new ArrayList<>();
    bySwitch.forEach(
        (sw, bindings) ->
            checks.add(
                CompletableFuture.runAsync(
                    () ->
                        switches.verifyOverlay(
                            new VerifyRequest(
                                sw,
                                bindings.stream().map(LeafBinding::interfaceName).toList(),
                                port.vlan())),
                    command -> Thread.ofVirtual().start(command))));
    checks.forEach(CompletableFuture::join);
    Hypervisor v = devices.hypervisor(host);
    boolean defined = v.list().stream().anyMatch(d -> d.name().equals(name));
    String state = defined ? v.dominfo(name).state() : "absent";
    String ifaceId =
        v.ports(PlugRequest.BRIDGE).contains(port.tapName()) ? v.ifaceId(port.tapName()) : "";
    if (!"running".equals(state) || !port.portId().equals(ifaceId)) {
      throw new IllegalStateException(name + " on " + host + " is " + state + " / " + ifaceId);
    }
    retried(
        () -> {
          ipam.activatePort(bind);
          placement.setState(new InstanceStateRequest(runId, name, "active", port.portId()));
          return null;
        });
  }

  /**
   * Retries a step as the workflow's activity options do (5 attempts, 1 s doubling), except a
   * non-retryable failure: a script that gave up on a deadlock would not be a fair baseline.
   */
  static <T> T retried(Supplier<T> step) {
    long wait = 1000;
    for (int attempt = 1; ; attempt++) {
      try {
        return step.get();
      } catch (ApplicationFailure e) {
        if (e.isNonRetryable() || attempt == 5) {
          throw e;
        }
      } catch (RuntimeException e) {
        if (attempt == 5) {
          throw e;
        }
      }
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      wait *= 2;
    }
  }

  private LeafQueue leaf(String sw) {
    return leaves.computeIfAbsent(sw, LeafQueue::new);
  }

  /** One pusher per leaf: takes every waiting request, counts, pushes once, answers them all. */
  private final class LeafQueue {
    private final String switchName;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final String prefix = "d" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private int batches;

    private record Pending(OverlayRequest request, CompletableFuture<Void> done) {}

    LeafQueue(String switchName) {
      this.switchName = switchName;
      Thread.ofVirtual().name("direct-leaf-" + switchName).start(this::loop);
    }

    CompletableFuture<Void> submit(OverlayRequest r) {
      var p = new Pending(r, new CompletableFuture<>());
      queue.add(p);
      return p.done();
    }

    private void loop() {
      while (true) {
        List<Pending> batch = new ArrayList<>();
        try {
          batch.add(queue.take());
        } catch (InterruptedException e) {
          return;
        }
        queue.drainTo(batch, 199);
        try {
          var requests =
              new OverlayBatch(
                  prefix + batches++, switchName, batch.stream().map(Pending::request).toList());
          OverlayPush push = retried(() -> overlay.count(requests));
          if (!push.empty()) {
            retried(() -> switches.pushOverlay(push));
          }
          batch.forEach(p -> p.done().complete(null));
        } catch (RuntimeException e) {
          batch.forEach(p -> p.done().completeExceptionally(e));
        }
      }
    }
  }
}
