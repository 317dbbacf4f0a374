package io.longhaul.contracts.discovery;

import java.util.List;

/** The leaves of a site, by name, in a stable order. */
public record SiteLeaves(String site, List<String> leaves) {
  public SiteLeaves {
    leaves = List.copyOf(leaves);
  }
}
