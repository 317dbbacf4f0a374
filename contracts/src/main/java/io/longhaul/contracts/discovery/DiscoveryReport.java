package io.longhaul.contracts.discovery;

import java.util.List;

/**
 * The drift between the inventory and the cabling LLDP sees: counts, the links that changed, and
 * the hypervisors an operator should look at.
 */
public record DiscoveryReport(
    String site,
    int switchesRead,
    int linksFound,
    int unchanged,
    List<LinkRef> added,
    List<LinkRef> removed,
    List<HostProblem> problems) {

  public DiscoveryReport {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    problems = List.copyOf(problems);
  }
}
