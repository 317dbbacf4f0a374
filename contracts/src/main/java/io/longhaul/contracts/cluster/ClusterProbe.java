package io.longhaul.contracts.cluster;

/** The cluster-probe operation's names; it is declared on {@link ClusterProbeWorkflow}. */
public final class ClusterProbe {
  public static final String NAME = "cluster-probe";
  public static final String WORKFLOW_TYPE = "ClusterProbe";

  private ClusterProbe() {}
}
