package io.longhaul.contracts.discovery;

/**
 * What to discover: one site's leaves, at most {@code parallelism} read at once (null means {@link
 * TopologyDiscovery#DEFAULT_PARALLELISM}).
 */
public record DiscoveryInput(String site, Integer parallelism) {

  public int parallelismOrDefault() {
    return parallelism == null || parallelism < 1
        ? TopologyDiscovery.DEFAULT_PARALLELISM
        : parallelism;
  }
}
