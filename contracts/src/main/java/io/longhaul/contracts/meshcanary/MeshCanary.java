package io.longhaul.contracts.meshcanary;

/** The mesh-controlplane-canary operation's names; it is declared on {@link MeshCanaryWorkflow}. */
public final class MeshCanary {
  public static final String NAME = "mesh-controlplane-canary";
  public static final String WORKFLOW_TYPE = "MeshControlPlaneCanary";

  /** The query that answers the run in the operation's terms ({@link MeshCanaryView}). */
  public static final String VIEW = io.longhaul.contracts.control.OperatorControlled.VIEW;

  /**
   * Failure type of a canary the analysis failed (or an operator judged bad): it is rolled back.
   */
  public static final String CANARY_FAILED = "CanaryFailed";

  /**
   * Failure type of a marginal analysis waiting for a judgement; retry re-analyses, skip accepts.
   */
  public static final String MARGINAL = "CanaryMarginal";

  private MeshCanary() {}
}
