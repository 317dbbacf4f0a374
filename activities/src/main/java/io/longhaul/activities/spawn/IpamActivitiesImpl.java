package io.longhaul.activities.spawn;

import io.longhaul.activities.Failures;
import io.longhaul.contracts.FailureTypes;
import io.longhaul.contracts.spawn.AllocateRequest;
import io.longhaul.contracts.spawn.BindPortRequest;
import io.longhaul.contracts.spawn.BulkAllocateRequest;
import io.longhaul.contracts.spawn.IpamActivities;
import io.longhaul.contracts.spawn.PortBinding;
import io.longhaul.contracts.spawn.PortLease;
import io.longhaul.contracts.spawn.ReleasePortRequest;
import io.longhaul.db.inventory.Hypervisor;
import io.longhaul.db.inventory.HypervisorRepository;
import io.longhaul.db.inventory.Network;
import io.longhaul.db.inventory.NetworkRepository;
import io.longhaul.db.inventory.SiteRepository;
import io.longhaul.db.ipam.Allocation;
import io.longhaul.db.ipam.Port;
import io.longhaul.db.ipam.PortRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * IPAM over PostgreSQL. An allocation is one statement, committed together with the concurrent ones
 * of this process ({@link AllocationBatcher}), and a bulk allocation one transaction; the free
 * list's SKIP LOCKED keeps concurrent allocations apart, and the unique name and allocation key
 * turn a concurrent or retried allocation into a lookup of the port that won. Binding and release
 * are one transaction each.
 */
@Component
public class IpamActivitiesImpl implements IpamActivities {
  private final PortRepository ports;
  private final NetworkRepository networks;
  private final SiteRepository sites;
  private final HypervisorRepository hypervisors;
  private final TransactionTemplate tx;
  final AllocationBatcher batcher; // package-private: tests read its counters

  public IpamActivitiesImpl(
      PortRepository ports,
      NetworkRepository networks,
      SiteRepository sites,
      HypervisorRepository hypervisors,
      PlatformTransactionManager transactions) {
    this.ports = ports;
    this.networks = networks;
    this.sites = sites;
    this.hypervisors = hypervisors;
    this.tx = new TransactionTemplate(transactions);
    this.batcher = new AllocationBatcher(ports);
  }

  /** How one allocation statement is run: alone, or in a batch statement with concurrent ones. */
  @FunctionalInterface
  private interface Allocator {
    Optional<Allocation> allocate(String site, long networkId, String name, String key);
  }

  @Override
  public PortLease allocatePort(AllocateRequest request) {
    // No transaction: the allocation statement commits with whatever concurrent allocations the
    // batcher groups it with (group commit), and the look-ups allocate() may need afterwards stand
    // alone.
    return retryOnDuplicate(() -> allocate(request, request.allocationKey(), batcher::allocate));
  }

  @Override
  public List<PortLease> allocatePorts(BulkAllocateRequest request) {
    // One transaction for all: either every port of the call exists afterwards, or none.
    return retryOnDuplicate(
        () ->
            tx.execute(
                s -> {
                  List<PortLease> out = new ArrayList<>(request.count());
                  for (int i = 0; i < request.count(); i++) {
                    out.add(
                        allocate(
                            new AllocateRequest(
                                request.site(),
                                request.networkId(),
                                request.networkLabel(),
                                null,
                                null),
                            request.allocationKey() + "/" + i,
                            ports::allocate));
                  }
                  return out;
                }));
  }

  private PortLease allocate(AllocateRequest request, String key, Allocator first) {
    // The common case, a new port on a given network, is one statement; the look-ups below only
    // run when it took nothing (the name or key has a port already, or an error to report).
    if (request.networkId() != null) {
      Optional<Allocation> fresh =
          first.allocate(request.site(), request.networkId(), request.name(), key);
      if (fresh.isPresent()) {
        return lease(fresh.get().port(), fresh.get().network(), true);
      }
    }
    if (request.name() != null) {
      Optional<Port> named = ports.findByName(request.name());
      if (named.isPresent()) {
        return lease(named.get(), key != null && key.equals(named.get().allocationKey()));
      }
    }
    if (key != null) {
      Optional<Port> mine = ports.findByAllocationKey(key);
      if (mine.isPresent()) {
        return lease(mine.get(), true);
      }
    }
    for (Network network : candidates(request)) {
      Optional<Allocation> port = ports.allocate(request.site(), network.id(), request.name(), key);
      if (port.isPresent()) {
        return lease(port.get().port(), port.get().network(), true);
      }
    }
    throw Failures.failure(
        FailureTypes.NO_CAPACITY,
        "no free address in "
            + (request.networkId() != null
                ? "network " + request.networkId()
                : "networks labelled " + request.networkLabel() + " at site " + request.site()));
  }

  /** The network asked for, or the site's networks with the label; only ones with a VNI. */
  private List<Network> candidates(AllocateRequest request) {
    long siteId =
        sites
            .findByCode(request.site())
            .orElseThrow(() -> Failures.notFound("no site " + request.site()))
            .id();
    if (request.networkId() != null) {
      Network n =
          networks
              .find(request.networkId())
              .orElseThrow(() -> Failures.notFound("no network " + request.networkId()));
      if (n.siteId() != siteId) {
        throw Failures.invalid("network " + n.name() + " is not at site " + request.site());
      }
      return List.of(n);
    }
    List<Network> labelled = networks.findByLabel(siteId, request.networkLabel());
    if (labelled.isEmpty()) {
      throw Failures.notFound(
          "no network labelled " + request.networkLabel() + " at site " + request.site());
    }
    return labelled;
  }

  @Override
  public PortBinding bindPort(BindPortRequest request) {
    return tx.execute(
        s -> {
          Port port = locked(request.portId());
          PortBinding previous = binding(port);
          Hypervisor h =
              hypervisors
                  .findByName(request.hypervisor())
                  .orElseThrow(() -> Failures.notFound("no hypervisor " + request.hypervisor()));
          ports.setBinding(port.id(), Port.BOUND, h.id(), request.instance());
          return previous;
        });
  }

  @Override
  public void restoreBinding(PortBinding previous) {
    tx.executeWithoutResult(
        s -> {
          Optional<Port> port = ports.lock(UUID.fromString(previous.portId()));
          if (port.isEmpty()) {
            return;
          }
          Long host =
              previous.hypervisor() == null
                  ? null
                  : hypervisors.findByName(previous.hypervisor()).map(Hypervisor::id).orElse(null);
          ports.setBinding(port.get().id(), previous.status(), host, previous.instance());
        });
  }

  @Override
  public void activatePort(BindPortRequest request) {
    tx.executeWithoutResult(
        s -> {
          Port port = locked(request.portId());
          if (!request.instance().equals(port.instanceName())) {
            throw Failures.failure(
                FailureTypes.CONFLICT, "port " + port.id() + " is held by " + port.instanceName());
          }
          ports.setBinding(port.id(), Port.ACTIVE, port.hypervisorId(), port.instanceName());
        });
  }

  @Override
  public boolean releasePort(ReleasePortRequest request) {
    return Boolean.TRUE.equals(
        tx.execute(
            s -> {
              if (request.portId() == null) {
                // Only a port this allocation key created: a named port found by name stays.
                return ports
                    .findByAllocationKey(request.allocationKey())
                    .map(p -> ports.delete(p.id()))
                    .orElse(true);
              }
              Optional<Port> port = ports.lock(UUID.fromString(request.portId()));
              if (port.isEmpty()) {
                return true;
              }
              Port p = port.get();
              if (p.instanceName() != null && !p.instanceName().equals(request.instance())) {
                return false; // a drifted pod holds it now
              }
              ports.setBinding(p.id(), Port.RELEASING, p.hypervisorId(), p.instanceName());
              return ports.delete(p.id());
            }));
  }

  private Port locked(String portId) {
    return ports
        .lock(UUID.fromString(portId))
        .orElseThrow(() -> Failures.notFound("no port " + portId));
  }

  private PortBinding binding(Port port) {
    String host =
        port.hypervisorId() == null
            ? null
            : hypervisors.find(port.hypervisorId()).map(Hypervisor::name).orElse(null);
    return new PortBinding(port.id().toString(), port.status(), host, port.instanceName());
  }

  private PortLease lease(Port port, boolean created) {
    return lease(port, networks.get(port.networkId()), created);
  }

  private PortLease lease(Port port, Network n, boolean created) {
    String host =
        port.hypervisorId() == null
            ? null
            : hypervisors.find(port.hypervisorId()).map(Hypervisor::name).orElse(null);
    return new PortLease(
        port.id().toString(),
        port.name(),
        n.id(),
        n.name(),
        port.address(),
        Integer.parseInt(n.cidr().substring(n.cidr().indexOf('/') + 1)),
        port.mac(),
        n.gateway().replaceFirst("/\\d+$", ""),
        n.vlan(),
        n.vni(),
        port.status(),
        host,
        created);
  }

  /** A concurrent allocation of the same name or key won; the next attempt finds its port. */
  private static <T> T retryOnDuplicate(Supplier<T> attempt) {
    for (int i = 0; ; i++) {
      try {
        return attempt.get();
      } catch (DuplicateKeyException e) {
        if (i == 2) {
          throw Failures.failure(FailureTypes.CONTENDED, "concurrent allocations keep colliding");
        }
      }
    }
  }
}
