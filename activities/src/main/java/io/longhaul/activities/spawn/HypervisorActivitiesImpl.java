package io.longhaul.activities.spawn;

import io.longhaul.activities.DeviceAccess;
import io.longhaul.activities.Failures;
import io.longhaul.contracts.spawn.DomainRef;
import io.longhaul.contracts.spawn.DomainRequest;
import io.longhaul.contracts.spawn.DomainStatus;
import io.longhaul.contracts.spawn.HypervisorActivities;
import io.longhaul.contracts.spawn.PlugRequest;
import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.capability.DomainOwner;
import io.longhaul.drivers.capability.DomainSpec;
import io.longhaul.drivers.capability.Hypervisor;
import io.temporal.activity.Activity;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** virsh and ovs-vsctl over SSH; the driver's calls are idempotent, so these are too. */
@Component
public class HypervisorActivitiesImpl implements HypervisorActivities {
  private final DeviceAccess devices;
  private final DomainOwners owners;
  private final BootDisks bootDisks;

  public HypervisorActivitiesImpl(DeviceAccess devices, DomainOwners owners, BootDisks bootDisks) {
    this.devices = devices;
    this.owners = owners;
    this.bootDisks = bootDisks;
  }

  /** Its boot volumes first (the start needs them), then the domain; each part is idempotent. */
  @Override
  public void defineAndStart(DomainRequest r) {
    on(
        r.hypervisor(),
        h -> {
          var spec =
              new DomainSpec(
                  r.domain(),
                  r.memoryMiB(),
                  r.vcpus(),
                  List.of(new DomainSpec.Nic(r.mac(), r.tap(), r.portId())),
                  owners.ofThisRun(r.domain()),
                  bootDisks.of(r.domain(), r.portId()));
          h.createVolumes(spec);
          Activity.getExecutionContext().heartbeat(null);
          h.define(spec);
          Activity.getExecutionContext().heartbeat(null);
          h.start(r.domain());
        });
  }

  @Override
  public void destroyDomain(DomainRef d) {
    on(
        d.hypervisor(),
        h -> {
          var existing = h.identity(d.domain());
          // with the domain gone, the volumes left are this change's own (a compensation)
          DomainOwner owner =
              existing
                  .map(e -> owners.forTeardown(d.domain(), e))
                  .orElseGet(() -> owners.ofThisRun(d.domain()));
          if (existing.isPresent()) {
            h.destroy(d.domain(), owner);
            Activity.getExecutionContext().heartbeat(null);
            h.undefine(d.domain(), owner);
          }
          // the volumes go after the domain: never delete what a defined guest still uses
          h.deleteVolumes(bootDisks.pool(), d.domain(), owner);
          if (existing.isEmpty()) {
            for (DomainOwner spawned : owners.volumeOwners(d.domain())) {
              h.deleteVolumes(bootDisks.pool(), d.domain(), spawned);
            }
          }
        });
  }

  @Override
  public void plug(PlugRequest r) {
    on(r.hypervisor(), h -> h.plug(PlugRequest.BRIDGE, r.tap(), r.portId()));
  }

  @Override
  public void unplug(PlugRequest r) {
    on(r.hypervisor(), h -> h.unplug(PlugRequest.BRIDGE, r.tap()));
  }

  @Override
  public DomainStatus domainStatus(DomainRequest r) {
    return call(
        r.hypervisor(),
        h -> {
          boolean defined = h.list().stream().anyMatch(d -> d.name().equals(r.domain()));
          String state = defined ? h.dominfo(r.domain()).state() : "absent";
          String ifaceId = h.ports(PlugRequest.BRIDGE).contains(r.tap()) ? h.ifaceId(r.tap()) : "";
          return new DomainStatus(r.hypervisor(), r.domain(), state, ifaceId);
        });
  }

  private void on(String hypervisor, Consumer<Hypervisor> body) {
    call(
        hypervisor,
        h -> {
          body.accept(h);
          return null;
        });
  }

  private <T> T call(String hypervisor, Function<Hypervisor, T> body) {
    Activity.getExecutionContext().heartbeat(null);
    Hypervisor h = devices.hypervisor(hypervisor);
    try {
      return body.apply(h);
    } catch (DeviceException e) {
      throw Failures.toTemporal(e);
    }
  }
}
