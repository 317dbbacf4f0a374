package io.longhaul.contracts.discovery;

/**
 * The topology-discovery operation's names; it is declared on {@link TopologyDiscoveryWorkflow}.
 */
public final class TopologyDiscovery {
  public static final String NAME = "topology-discovery";
  public static final String WORKFLOW_TYPE = "TopologyDiscovery";
  public static final int DEFAULT_PARALLELISM = 8;

  private TopologyDiscovery() {}
}
