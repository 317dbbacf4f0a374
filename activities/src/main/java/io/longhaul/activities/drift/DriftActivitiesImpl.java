package io.longhaul.activities.drift;

import io.longhaul.activities.DeviceAccess;
import io.longhaul.activities.Failures;
import io.longhaul.contracts.drift.DriftActivities;
import io.longhaul.contracts.drift.DriftReport;
import io.longhaul.contracts.spawn.PlugRequest;
import io.longhaul.contracts.spawn.PortLease;
import io.longhaul.db.instance.Instance;
import io.longhaul.db.instance.InstanceRepository;
import io.longhaul.db.instance.UnaccountedDomain;
import io.longhaul.db.instance.UnaccountedDomainRepository;
import io.longhaul.db.inventory.Hypervisor;
import io.longhaul.db.inventory.HypervisorRepository;
import io.longhaul.db.inventory.SiteRepository;
import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.Printable;
import io.longhaul.drivers.capability.DomainSummary;
import io.temporal.activity.Activity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * One look at each hypervisor of the site — {@code virsh list --all}, the integration bridge's
 * ports and their iface-ids, the ownership mark of any domain no instance accounts for — and the
 * verdict per instance: {@code missing} (no such domain), {@code degraded} (not running, or its
 * port is off the bridge or carries another iface-id) or {@code active}. Only reads the hosts: a
 * foreign domain is listed, never touched. A host that cannot be read leaves its instances as they
 * were.
 */
@Component
public class DriftActivitiesImpl implements DriftActivities {
  private final DeviceAccess devices;
  private final SiteRepository sites;
  private final HypervisorRepository hypervisors;
  private final InstanceRepository instances;
  private final UnaccountedDomainRepository unaccounted;

  public DriftActivitiesImpl(
      DeviceAccess devices,
      SiteRepository sites,
      HypervisorRepository hypervisors,
      InstanceRepository instances,
      UnaccountedDomainRepository unaccounted) {
    this.devices = devices;
    this.sites = sites;
    this.hypervisors = hypervisors;
    this.instances = instances;
    this.unaccounted = unaccounted;
  }

  @Override
  public DriftReport check(String siteCode) {
    var site = sites.findByCode(siteCode).orElseThrow(() -> Failures.notFound("site " + siteCode));
    Map<Long, List<Instance>> byHost =
        instances.watched(site.id()).stream()
            .collect(Collectors.groupingBy(Instance::hypervisorId));
    // every instance placed on a host of the site accounts for its domain, whatever its state
    Set<String> accounted =
        instances.list().stream()
            .filter(i -> i.siteId() == site.id() && i.hypervisorId() != null)
            .map(i -> i.hypervisorId() + "/" + i.name())
            .collect(Collectors.toSet());
    var report = new Findings();
    for (Hypervisor h : hypervisors.listBySite(site.id())) {
      Activity.getExecutionContext().heartbeat(h.name());
      try {
        checkHost(h, byHost.getOrDefault(h.id(), List.of()), accounted, report);
      } catch (DeviceException e) {
        report.unreachable.add(h.name() + ": " + Printable.lines(e.getMessage(), 500));
      }
    }
    long checks = Activity.getExecutionContext().getInfo().getAttempt();
    return new DriftReport(
        siteCode, checks, report.changed, report.drifting, report.unaccounted, report.unreachable);
  }

  private static final class Findings {
    final List<String> changed = new ArrayList<>();
    final List<String> drifting = new ArrayList<>();
    final List<String> unaccounted = new ArrayList<>();
    final List<String> unreachable = new ArrayList<>();
  }

  private void checkHost(
      Hypervisor h, List<Instance> watched, Set<String> accounted, Findings report) {
    var hv = devices.hypervisor(h.name());
    Map<String, String> states = new HashMap<>();
    for (DomainSummary d : hv.list()) {
      states.put(d.name(), d.state());
    }
    List<String> ports = hv.ports(PlugRequest.BRIDGE);
    for (Instance i : watched) {
      String state = states.get(i.name());
      String verdict;
      String drift;
      if (state == null) {
        verdict = Instance.MISSING;
        drift = "no domain " + i.name() + " on " + h.name();
      } else if (!state.equals("running")) {
        verdict = Instance.DEGRADED;
        drift = "domain " + i.name() + " is " + state + " on " + h.name();
      } else {
        drift = portDrift(hv, i, ports, h.name());
        verdict = drift == null ? Instance.ACTIVE : Instance.DEGRADED;
      }
      String before = i.state();
      if (instances.markDrift(i.id(), verdict, drift)) {
        report.changed.add(
            i.name()
                + ": "
                + before
                + " -> "
                + verdict
                + (drift == null ? "" : " (" + drift + ")"));
      }
      if (drift != null) {
        report.drifting.add(i.name() + ": " + drift);
      }
    }
    List<UnaccountedDomain.Seen> foreign = new ArrayList<>();
    for (var d : states.entrySet()) {
      if (accounted.contains(h.id() + "/" + d.getKey())) {
        continue;
      }
      String change =
          hv.identity(d.getKey()).flatMap(id -> id.owner()).map(o -> o.change()).orElse(null);
      foreign.add(new UnaccountedDomain.Seen(d.getKey(), d.getValue(), change));
      report.unaccounted.add(
          h.name()
              + "/"
              + d.getKey()
              + " ("
              + d.getValue()
              + (change == null ? ", no Longhaul mark" : ", of change " + change)
              + ")");
    }
    foreign.sort(java.util.Comparator.comparing(UnaccountedDomain.Seen::name));
    unaccounted.replace(h.id(), foreign);
  }

  /** What is wrong with a running instance's OVS port, or null when nothing. */
  private static String portDrift(
      io.longhaul.drivers.capability.Hypervisor hv, Instance i, List<String> ports, String host) {
    if (i.portId() == null) {
      return null;
    }
    String tap = PortLease.tapOf(i.portId().toString());
    if (!ports.contains(tap)) {
      return "port " + tap + " is not on " + PlugRequest.BRIDGE + " of " + host;
    }
    String ifaceId = hv.ifaceId(tap);
    if (!ifaceId.equals(i.portId().toString())) {
      return "port " + tap + " carries iface-id '" + ifaceId + "', not " + i.portId();
    }
    return null;
  }
}
