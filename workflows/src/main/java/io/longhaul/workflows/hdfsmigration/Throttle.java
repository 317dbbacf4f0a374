package io.longhaul.workflows.hdfsmigration;

import io.longhaul.contracts.hdfsmigration.HdfsActivities.Load;

/**
 * The Mover's effective bandwidth: the operator's cap, halved while the NameNode's RPC queue time
 * is high, halved again while the inter-DC link is near saturation; restored when they recover.
 */
record Throttle(long bytesPerSec, String reason) {
  /** RPC queue time above which the NameNode counts as stressed (milliseconds). */
  static final double RPC_STRESS_MS = 5;

  /** Link utilisation above which it counts as stressed (seed: it degrades when saturated). */
  static final double LINK_STRESS = 0.9;

  static Throttle of(long cap, Load load) {
    long effective = cap;
    StringBuilder why = new StringBuilder();
    if (load != null && load.rpcQueueTimeMs() > RPC_STRESS_MS) {
      effective /= 2;
      why.append("NameNode RPC queue time ").append(load.rpcQueueTimeMs()).append(" ms");
    }
    if (load != null && load.linkUtilisation() > LINK_STRESS) {
      effective /= 2;
      why.append(why.isEmpty() ? "" : "; ")
          .append("inter-DC link at ")
          .append(Math.round(load.linkUtilisation() * 100))
          .append(" %");
    }
    return new Throttle(effective, why.isEmpty() ? null : why.toString());
  }
}
