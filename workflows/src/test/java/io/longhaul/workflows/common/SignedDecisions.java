package io.longhaul.workflows.common;

import io.longhaul.contracts.control.Decision;
import io.longhaul.contracts.control.DecisionKey;
import io.longhaul.contracts.control.PendingDecision;
import io.temporal.worker.WorkerFactoryOptions;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Decisions as the API sends them, signed with a test key; test environments register {@link
 * #WORKERS} (the decision check, as the worker runtime does) and {@link #REFUSED} hears of every
 * unsigned or forged decision.
 */
public final class SignedDecisions {
  public static final DecisionKey KEY = randomKey();
  public static final List<String> REFUSED = new CopyOnWriteArrayList<>();

  /** Worker factory options with the decision check trusting {@link #KEY}. */
  public static final WorkerFactoryOptions WORKERS =
      WorkerFactoryOptions.newBuilder()
          .setWorkerInterceptors(
              new DecisionAuthority((runId, d, why) -> REFUSED.add(runId + " " + why), KEY))
          .build();

  private SignedDecisions() {}

  public static DecisionKey randomKey() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return new DecisionKey(bytes);
  }

  /**
   * {@code action} on {@code p} by {@code actor} with {@code role}, signed now (or when it parked,
   * if the test server's skipped time put that ahead of the clock).
   */
  public static Decision signed(
      String runId, String action, PendingDecision p, String actor, String role, String reason) {
    return KEY.sign(
        runId,
        Decision.unsigned(action, p.step(), p.target(), null, actor, reason),
        role,
        Math.max(System.currentTimeMillis(), p.sinceMillis()));
  }
}
