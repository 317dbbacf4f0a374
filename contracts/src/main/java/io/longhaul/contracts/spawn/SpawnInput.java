package io.longhaul.contracts.spawn;

import java.util.Map;
import java.util.TreeMap;

/**
 * One instance to spawn at a site. The port comes from {@code networkId}, or from any network of
 * the site labelled {@code networkLabel}. A pod ({@code kind} {@code pod}) names its port after its
 * {@code podLabels}, so a rescheduled pod finds its port, and its address, again.
 *
 * @param portName an explicit port name (a VM keeping a well-known address); null for none
 * @param antiAffinity instances of one group never share a host
 * @param requireApproval the leaves are configured only after an approver has seen the plan
 */
public record SpawnInput(
    String site,
    String name,
    String kind,
    Long networkId,
    String networkLabel,
    String portName,
    Map<String, String> podLabels,
    int vcpus,
    int memoryMiB,
    String antiAffinity,
    boolean requireApproval) {

  public static final String VM = "vm";
  public static final String POD = "pod";

  public SpawnInput {
    kind = kind == null ? VM : kind;
    podLabels = podLabels == null ? Map.of() : Map.copyOf(podLabels);
  }

  /**
   * The port name: the explicit one, else for a pod its label values in key order joined by dots
   * (the CNI plugin's rule in seed 001), else none.
   */
  public String effectivePortName() {
    if (portName != null) {
      return portName;
    }
    if (!POD.equals(kind) || podLabels.isEmpty()) {
      return null;
    }
    return String.join(".", new TreeMap<>(podLabels).values()).toLowerCase(java.util.Locale.ROOT);
  }
}
