package io.longhaul.activities.spawn;

import io.longhaul.activities.Failures;
import io.longhaul.contracts.FailureTypes;
import io.longhaul.contracts.spawn.ClaimRequest;
import io.longhaul.contracts.spawn.HostLeaves;
import io.longhaul.contracts.spawn.InstanceRef;
import io.longhaul.contracts.spawn.InstanceStateRequest;
import io.longhaul.contracts.spawn.InstanceView;
import io.longhaul.contracts.spawn.Placement;
import io.longhaul.contracts.spawn.PlacementActivities;
import io.longhaul.contracts.spawn.SpawnInput;
import io.longhaul.db.instance.Instance;
import io.longhaul.db.instance.InstanceRepository;
import io.longhaul.db.instance.PlacementRepository;
import io.longhaul.db.instance.Reservation;
import io.longhaul.db.inventory.HostLink;
import io.longhaul.db.inventory.HostLinkRepository;
import io.longhaul.db.inventory.Hypervisor;
import io.longhaul.db.inventory.HypervisorRepository;
import io.longhaul.db.inventory.NetworkRepository;
import io.longhaul.db.inventory.NetworkSwitch;
import io.longhaul.db.inventory.Site;
import io.longhaul.db.inventory.SiteRepository;
import io.longhaul.db.inventory.SwitchRepository;
import io.longhaul.db.ipam.PortRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Instances and their placement. The host is chosen by a query and reserved by an insert that the
 * database may refuse (over-commit trigger, anti-affinity exclusion); a refused insert moves on to
 * the next candidate in a fresh transaction. A reservation's transaction locks one host only, so
 * concurrent reservations queue on a host but never deadlock.
 */
@Component
public class PlacementActivitiesImpl implements PlacementActivities {
  private final InstanceRepository instances;
  private final PlacementRepository placements;
  private final SiteRepository sites;
  private final NetworkRepository networks;
  private final HypervisorRepository hypervisors;
  private final SwitchRepository switches;
  private final HostLinkRepository links;
  private final PortRepository ports;
  private final TransactionTemplate tx;

  public PlacementActivitiesImpl(
      InstanceRepository instances,
      PlacementRepository placements,
      SiteRepository sites,
      NetworkRepository networks,
      HypervisorRepository hypervisors,
      SwitchRepository switches,
      HostLinkRepository links,
      PortRepository ports,
      PlatformTransactionManager transactions) {
    this.instances = instances;
    this.placements = placements;
    this.sites = sites;
    this.networks = networks;
    this.hypervisors = hypervisors;
    this.switches = switches;
    this.links = links;
    this.ports = ports;
    this.tx = new TransactionTemplate(transactions);
  }

  @Override
  public InstanceView claim(ClaimRequest request) {
    SpawnInput in = request.input();
    Site site =
        sites.findByCode(in.site()).orElseThrow(() -> Failures.notFound("no site " + in.site()));
    if (in.networkId() != null) {
      var n =
          networks
              .find(in.networkId())
              .orElseThrow(() -> Failures.notFound("no network " + in.networkId()));
      if (n.siteId() != site.id()) {
        throw Failures.invalid("network " + n.name() + " is not at site " + in.site());
      }
      if (n.vni() == null) {
        throw Failures.invalid("network " + n.name() + " has no VNI to bind on the leaves");
      }
    } else if (networks.findByLabel(site.id(), in.networkLabel()).isEmpty()) {
      throw Failures.notFound("no network labelled " + in.networkLabel() + " at " + in.site());
    }
    Instance claimed =
        instances.claim(
            new Instance.Spec(
                in.name(),
                in.kind(),
                site.id(),
                in.vcpus(),
                in.memoryMiB(),
                in.antiAffinity(),
                request.runId()));
    if (!claimed.runId().equals(request.runId())) {
      throw Failures.failure(
          FailureTypes.CONFLICT,
          "instance " + in.name() + " already exists (run " + claimed.runId() + ")");
    }
    return view(claimed);
  }

  @Override
  public Placement reserve(InstanceRef ref) {
    Instance instance = instance(ref.name());
    Optional<Reservation> existing = placements.find(instance.id());
    if (existing.isPresent()) {
      return placement(instance, existing.get());
    }
    // First pass skips hosts other reservations hold, so a burst spreads; the second waits.
    for (boolean skipLocked : new boolean[] {true, false}) {
      List<Long> refused = new ArrayList<>();
      while (true) {
        Attempt a = tryReserve(instance, skipLocked, refused);
        if (a.reservation() != null) {
          return placement(instance, a.reservation());
        }
        if (a.host() == null) {
          break;
        }
        // A refusal may be this instance's own reservation, made meanwhile by an earlier attempt
        // of this call (a retried workflow task runs its local activities again).
        Optional<Reservation> raced = placements.find(instance.id());
        if (raced.isPresent()) {
          return placement(instance, raced.get());
        }
        refused.add(a.host());
      }
    }
    throw Failures.failure(
        FailureTypes.NO_CAPACITY,
        "no hypervisor at the site has room for "
            + instance.vcpus()
            + " vCPUs and "
            + instance.memoryMb()
            + " MiB"
            + (instance.antiAffinity() == null
                ? ""
                : " outside anti-affinity group " + instance.antiAffinity()));
  }

  /** The host an attempt tried (null when no candidate was left) and what it reserved. */
  private record Attempt(Long host, Reservation reservation) {}

  /** One attempt in its own transaction, on the best candidate not refused yet. */
  private Attempt tryReserve(Instance instance, boolean skipLocked, List<Long> refused) {
    Long[] chosen = {null};
    try {
      return tx.execute(
          s -> {
            chosen[0] =
                placements
                    .candidate(
                        instance.siteId(),
                        instance.vcpus(),
                        instance.memoryMb(),
                        instance.antiAffinity(),
                        refused,
                        skipLocked)
                    .orElse(null);
            if (chosen[0] == null) {
              return new Attempt(null, null);
            }
            Reservation r =
                placements.insert(
                    new Reservation(
                        instance.id(),
                        chosen[0],
                        instance.vcpus(),
                        instance.memoryMb(),
                        instance.antiAffinity()));
            instances.setHypervisor(instance.id(), chosen[0]);
            return new Attempt(chosen[0], r);
          });
    } catch (DataIntegrityViolationException e) {
      return new Attempt(chosen[0], null); // the database refused this host; try the next
    }
  }

  @Override
  public void releaseCapacity(InstanceRef ref) {
    instances
        .findByName(ref.name())
        .filter(i -> i.runId().equals(ref.runId()))
        .ifPresent(i -> placements.release(i.id()));
  }

  @Override
  public HostLeaves hostLeaves(String hypervisor) {
    Hypervisor h =
        hypervisors
            .findByName(hypervisor)
            .orElseThrow(() -> Failures.notFound("no hypervisor " + hypervisor));
    List<HostLeaves.LeafPort> ports = new ArrayList<>();
    String pair = null;
    for (HostLink l : links.listByHypervisor(h.id())) {
      NetworkSwitch sw = switches.get(l.switchId());
      if (!"leaf".equals(sw.role()) || sw.leafPair() == null) {
        continue;
      }
      if (pair != null && !pair.equals(sw.leafPair())) {
        throw Failures.invalid(hypervisor + " is cabled to two leaf pairs; run topology discovery");
      }
      pair = sw.leafPair();
      ports.add(new HostLeaves.LeafPort(l.nic(), sw.name(), l.interfaceName()));
    }
    if (ports.stream().map(HostLeaves.LeafPort::switchName).distinct().count() < 2) {
      throw Failures.invalid(
          hypervisor + " does not reach both leaves of a pair in the inventory; run discovery");
    }
    return new HostLeaves(hypervisor, pair, ports);
  }

  @Override
  public void setState(InstanceStateRequest request) {
    Instance i = instance(request.name());
    instances.setState(
        i.id(),
        request.state(),
        request.portId() == null ? null : UUID.fromString(request.portId()),
        request.runId());
  }

  @Override
  public void forget(InstanceRef ref) {
    // Only the acting run's instance: a spawn refused for a taken name must not delete it.
    instances
        .findByName(ref.name())
        .filter(i -> i.runId().equals(ref.runId()))
        .ifPresent(i -> instances.delete(i.id()));
  }

  @Override
  public InstanceView find(InstanceRef ref) {
    return view(instance(ref.name()));
  }

  private Instance instance(String name) {
    return instances.findByName(name).orElseThrow(() -> Failures.notFound("no instance " + name));
  }

  private Placement placement(Instance i, Reservation r) {
    return new Placement(
        i.name(), hypervisors.get(r.hypervisorId()).name(), r.vcpus(), (int) r.memoryMb());
  }

  private InstanceView view(Instance i) {
    var port =
        i.portId() == null ? Optional.<io.longhaul.db.ipam.Port>empty() : ports.find(i.portId());
    var network = port.map(p -> networks.get(p.networkId()));
    return new InstanceView(
        i.name(),
        i.kind(),
        sites.get(i.siteId()).code(),
        i.state(),
        i.hypervisorId() == null ? null : hypervisors.get(i.hypervisorId()).name(),
        i.portId() == null ? null : i.portId().toString(),
        network.map(n -> n.vlan()).orElse(null),
        network.map(n -> n.vni()).orElse(null));
  }
}
