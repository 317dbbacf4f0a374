package io.longhaul.activities.discovery;

import io.longhaul.contracts.discovery.HostProblem;
import io.longhaul.contracts.discovery.LinkRef;
import io.longhaul.contracts.discovery.LldpEntry;
import io.longhaul.contracts.discovery.LldpTable;
import io.longhaul.db.inventory.HostLink;
import io.longhaul.db.inventory.Hypervisor;
import io.longhaul.db.inventory.NetworkSwitch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What LLDP shows against what the inventory holds, for one site: a pure function, so the rules are
 * tested without a database. A NIC seen on another port than recorded counts as one removal and one
 * addition. Fabric links (a switch as peer) are not host links and are skipped. A declared link (an
 * operator's) is never removed: where LLDP disagrees, the report says so.
 */
record LinkDrift(
    int found,
    List<HostLink> unchanged,
    List<HostLink.Spec> added,
    List<HostLink> removed,
    List<HostProblem> problems,
    Map<Long, String> hypervisorNames,
    Map<Long, String> switchNames) {

  static final String DECLARED = "declared";

  static LinkDrift of(
      List<NetworkSwitch> switches,
      List<Hypervisor> hypervisors,
      List<HostLink> existing,
      List<LldpTable> tables) {
    return of(switches, hypervisors, existing, tables, List.of());
  }

  /**
   * @param domainSuffixes removed from LLDP system names to find the inventory's name
   */
  static LinkDrift of(
      List<NetworkSwitch> switches,
      List<Hypervisor> hypervisors,
      List<HostLink> existing,
      List<LldpTable> tables,
      List<String> domainSuffixes) {
    Map<String, NetworkSwitch> switchByName = index(switches, NetworkSwitch::name);
    HostNames hostNames = new HostNames(hypervisors, domainSuffixes);
    Map<Long, String> hvNames =
        hypervisors.stream().collect(Collectors.toMap(Hypervisor::id, Hypervisor::name));
    Map<Long, String> swNames =
        switches.stream().collect(Collectors.toMap(NetworkSwitch::id, NetworkSwitch::name));
    List<HostProblem> problems = new ArrayList<>();

    // (hypervisor id, nic) -> the port it is seen on; the first sighting wins.
    Map<String, HostLink.Spec> seen = new LinkedHashMap<>();
    for (LldpTable table : tables) {
      NetworkSwitch sw = switchByName.get(table.switchName());
      if (sw == null) {
        continue;
      }
      for (LldpEntry e : table.entries()) {
        Hypervisor hv = hostNames.find(e.remoteSystem()).orElse(null);
        if (hv != null) {
          seen.putIfAbsent(
              key(hv.id(), e.remotePort()),
              new HostLink.Spec(
                  hv.id(), e.remotePort(), sw.id(), e.localInterface(), "discovered"));
        } else if (!switchByName.containsKey(e.remoteSystem())) {
          problems.add(
              new HostProblem(
                  e.remoteSystem(),
                  HostProblem.UNKNOWN_PEER,
                  sw.name() + " " + e.localInterface() + " sees " + e.remotePort()));
        }
      }
    }

    List<HostLink> unchanged = new ArrayList<>();
    List<HostLink> removed = new ArrayList<>();
    Map<String, HostLink.Spec> added = new LinkedHashMap<>(seen);
    List<HostLink> declared = new ArrayList<>();
    for (HostLink link : existing) {
      HostLink.Spec now = seen.get(key(link.hypervisorId(), link.nic()));
      if (now != null
          && now.switchId() == link.switchId()
          && Objects.equals(now.interfaceName(), link.interfaceName())) {
        unchanged.add(link);
        added.remove(key(link.hypervisorId(), link.nic()));
      } else if (DECLARED.equals(link.source())) {
        // An operator's word outranks LLDP: the link stays, and the disagreement is reported.
        declared.add(link);
        added.remove(key(link.hypervisorId(), link.nic()));
        problems.add(
            new HostProblem(
                hvNames.get(link.hypervisorId()),
                HostProblem.DECLARED_DISAGREES,
                "declared "
                    + link.nic()
                    + " on "
                    + swNames.get(link.switchId())
                    + " "
                    + link.interfaceName()
                    + "; LLDP "
                    + (now == null
                        ? "does not see it"
                        : "sees it on "
                            + swNames.get(now.switchId())
                            + " "
                            + now.interfaceName())));
      } else {
        removed.add(link);
      }
    }
    // a sighting on a switch port a declared link holds is not added either (one port, one link)
    added
        .values()
        .removeIf(
            spec ->
                declared.stream()
                    .anyMatch(
                        d ->
                            d.switchId() == spec.switchId()
                                && d.interfaceName().equals(spec.interfaceName())));
    problems.addAll(homing(seen.values(), switches, hypervisors));

    return new LinkDrift(
        seen.size(), unchanged, List.copyOf(added.values()), removed, problems, hvNames, swNames);
  }

  /** Hypervisors whose NICs all land on one leaf, or on leaves of different pairs. */
  private static List<HostProblem> homing(
      Iterable<HostLink.Spec> links, List<NetworkSwitch> switches, List<Hypervisor> hypervisors) {
    Map<Long, NetworkSwitch> switchById = index(switches, NetworkSwitch::id);
    Map<Long, Hypervisor> hvById = index(hypervisors, Hypervisor::id);
    Map<String, List<HostLink.Spec>> byHypervisor = new TreeMap<>();
    for (HostLink.Spec l : links) {
      byHypervisor
          .computeIfAbsent(hvById.get(l.hypervisorId()).name(), k -> new ArrayList<>())
          .add(l);
    }
    List<HostProblem> problems = new ArrayList<>();
    byHypervisor.forEach(
        (hv, nics) -> {
          Set<String> leaves = new LinkedHashSet<>();
          Set<String> pairs = new LinkedHashSet<>();
          List<String> where = new ArrayList<>();
          for (HostLink.Spec l : nics) {
            NetworkSwitch sw = switchById.get(l.switchId());
            leaves.add(sw.name());
            pairs.add(Objects.requireNonNullElse(sw.leafPair(), sw.name()));
            where.add(l.nic() + " on " + sw.name() + " (" + sw.leafPair() + ")");
          }
          String detail = String.join(", ", where);
          if (leaves.size() == 1) {
            problems.add(new HostProblem(hv, HostProblem.SINGLE_HOMED, detail));
          } else if (pairs.size() > 1) {
            problems.add(new HostProblem(hv, HostProblem.SPLIT_PAIR, detail));
          }
        });
    return problems;
  }

  LinkRef ref(HostLink.Spec l) {
    return new LinkRef(
        hypervisorNames.get(l.hypervisorId()),
        l.nic(),
        switchNames.get(l.switchId()),
        l.interfaceName());
  }

  LinkRef ref(HostLink l) {
    return new LinkRef(
        hypervisorNames.get(l.hypervisorId()),
        l.nic(),
        switchNames.getOrDefault(l.switchId(), "switch#" + l.switchId()),
        l.interfaceName());
  }

  private static String key(long hypervisorId, String nic) {
    return hypervisorId + "/" + nic;
  }

  private static <K, V> Map<K, V> index(List<V> values, Function<V, K> key) {
    Map<K, V> out = new LinkedHashMap<>();
    values.forEach(v -> out.put(key.apply(v), v));
    return out;
  }
}
