package io.longhaul.workflows.common;

import io.longhaul.contracts.control.Decision;
import io.longhaul.contracts.control.DecisionKey;
import io.longhaul.contracts.control.RefusedDecisions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The decision keys this worker process trusts, installed by the worker runtime before it polls.
 * The key reaches the decide validator through this holder, never through workflow input or
 * history. That is deterministic where it matters: only the validator reads it, and Temporal never
 * re-runs a validator on replay (an update in history was accepted once and is replayed as such),
 * so a key rotated later cannot change how an old run replays.
 */
public final class DecisionAuthority {
  private static final Map<String, DecisionKey> KEYS = new ConcurrentHashMap<>();
  private static volatile RefusedDecisions refusals = (runId, d, why) -> {};

  private DecisionAuthority() {}

  /** Trusts {@code key} until the returned action runs; {@code sink} hears of forgeries. */
  public static Runnable install(DecisionKey key, RefusedDecisions sink) {
    KEYS.put(key.id(), key);
    refusals = sink;
    return () -> KEYS.remove(key.id(), key);
  }

  /** Throws (and reports) unless one of the installed keys signed {@code d} for this run. */
  static void check(String runId, Decision d) {
    DecisionKey key = KEYS.get(String.valueOf(DecisionKey.keyIdOf(d.signature())));
    if (key == null || !key.signed(runId, d)) {
      String why =
          d.signature() == null
              ? "the decision is not signed by the API"
              : "the decision's signature does not hold";
      refusals.refused(runId, d, why);
      throw new IllegalArgumentException("signature: " + why + "; decide through the API");
    }
  }
}
