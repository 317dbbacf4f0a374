package io.longhaul.contracts.action;

import io.longhaul.contracts.action.ActionContract.Queue;
import io.longhaul.contracts.action.ActionContract.Undo;
import io.longhaul.contracts.cluster.ClusterActivities;
import io.longhaul.contracts.spawn.HypervisorActivities;
import io.longhaul.contracts.spawn.IpamActivities;
import io.longhaul.contracts.spawn.SwitchActivities;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The actions registry. Each is an activity method the built-in operations use (spawn's switch,
 * hypervisor and IPAM steps, the cluster probe), so a runbook's step and the operation's step are
 * the same call with the same idempotency; retry profiles are {@code ActivityProfiles}' names.
 */
public final class Actions {
  private static final Map<String, ActionContract> ALL = new LinkedHashMap<>();

  static {
    add(
        new ActionContract(
            "log",
            "Writes a message into the run's timeline (the step's result).",
            null,
            null,
            Queue.IN_TASK,
            null,
            true,
            Undo.NONE,
            null,
            null,
            Set.of("message")));
    add(
        new ActionContract(
            "switch.plan-overlay",
            "The configuration lines a leaf would get for these bindings, computed against its"
                + " running configuration; changes nothing.",
            SwitchActivities.class,
            "planOverlay",
            Queue.SITE,
            "shortCall",
            true,
            Undo.NONE,
            null,
            null,
            Set.of("switchName", "bindings")));
    add(
        new ActionContract(
            "switch.push-overlay",
            "One configuration transaction on a leaf: trunk and map the `apply` bindings, remove"
                + " the `remove` ones. Undo: the same push with apply and remove swapped.",
            SwitchActivities.class,
            "pushOverlay",
            Queue.SITE,
            "deviceChange",
            false,
            Undo.REQUIRED,
            "switch.push-overlay",
            null,
            Set.of("changeId", "switchName", "apply", "remove")));
    add(
        new ActionContract(
            "switch.verify-overlay",
            "Fails VerificationFailed unless every interface is up and carries the VLAN (SNMP).",
            SwitchActivities.class,
            "verifyOverlay",
            Queue.SITE,
            "shortCall",
            true,
            Undo.NONE,
            null,
            null,
            Set.of("switchName", "interfaces", "vlan")));
    add(
        new ActionContract(
            "hypervisor.define-and-start",
            "Defines and starts a libvirt domain with one NIC on the port; undone by destroying it.",
            HypervisorActivities.class,
            "defineAndStart",
            Queue.SITE,
            "hostChange",
            false,
            Undo.BUILT_IN,
            "hypervisor.destroy-domain",
            Map.of("hypervisor", "${input.hypervisor}", "domain", "${input.domain}"),
            Set.of("hypervisor", "domain", "memoryMiB", "vcpus", "mac", "tap", "portId")));
    add(
        new ActionContract(
            "hypervisor.destroy-domain",
            "Stops and undefines a domain Longhaul owns; an absent one is fine.",
            HypervisorActivities.class,
            "destroyDomain",
            Queue.SITE,
            "hostChange",
            false,
            Undo.NONE,
            null,
            null,
            Set.of("hypervisor", "domain")));
    add(
        new ActionContract(
            "hypervisor.plug",
            "Adds the OVS port on br-int with its iface-id; undone by unplugging it.",
            HypervisorActivities.class,
            "plug",
            Queue.SITE,
            "hostChange",
            false,
            Undo.BUILT_IN,
            "hypervisor.unplug",
            Map.of(
                "hypervisor",
                "${input.hypervisor}",
                "tap",
                "${input.tap}",
                "portId",
                "${input.portId}"),
            Set.of("hypervisor", "tap", "portId")));
    add(
        new ActionContract(
            "hypervisor.unplug",
            "Removes the OVS port.",
            HypervisorActivities.class,
            "unplug",
            Queue.SITE,
            "hostChange",
            false,
            Undo.NONE,
            null,
            null,
            Set.of("hypervisor", "tap", "portId")));
    add(
        new ActionContract(
            "hypervisor.domain-status",
            "A domain's state and the iface-id of its OVS port; changes nothing.",
            HypervisorActivities.class,
            "domainStatus",
            Queue.SITE,
            "shortCall",
            true,
            Undo.NONE,
            null,
            null,
            Set.of("hypervisor", "domain")));
    add(
        new ActionContract(
            "ipam.allocate-port",
            "A port (address, MAC) from a network or a labelled network of the site; a retried"
                + " call with the same allocationKey returns the same port. Undone by releasing"
                + " what this allocation key created.",
            IpamActivities.class,
            "allocatePort",
            Queue.WORKFLOWS,
            "shortCall",
            false,
            Undo.BUILT_IN,
            "ipam.release-port",
            Map.of("allocationKey", "${input.allocationKey}"),
            Set.of("site", "allocationKey")));
    add(
        new ActionContract(
            "ipam.release-port",
            "Releases a port by id, or the port an allocation key created.",
            IpamActivities.class,
            "releasePort",
            Queue.WORKFLOWS,
            "shortCall",
            false,
            Undo.NONE,
            null,
            null,
            Set.of()));
    add(
        new ActionContract(
            "cluster.probe",
            "A registered cluster's version and health, over its HTTP API; changes nothing.",
            ClusterActivities.class,
            "probe",
            Queue.CLUSTERS,
            "shortCall",
            true,
            Undo.NONE,
            null,
            null,
            Set.of("cluster")));
  }

  private Actions() {}

  private static void add(ActionContract a) {
    ALL.put(a.name(), a);
  }

  public static List<ActionContract> all() {
    return List.copyOf(ALL.values());
  }

  public static Optional<ActionContract> find(String name) {
    return Optional.ofNullable(ALL.get(name));
  }
}
