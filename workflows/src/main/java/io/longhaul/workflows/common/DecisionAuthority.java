package io.longhaul.workflows.common;

import io.longhaul.contracts.control.Decision;
import io.longhaul.contracts.control.DecisionKey;
import io.longhaul.contracts.control.DecisionRefused;
import io.longhaul.contracts.control.RefusedDecisions;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The decision keys a worker trusts, registered by the worker runtime as an interceptor on its
 * worker factory. While an update is being validated it makes itself known to the validator on the
 * validating thread, so the key reaches the {@code decide} validator without entering any workflow
 * input or history, and two workers in one process (tests) each check with their own key and report
 * to their own audit. That is deterministic where it matters: only validators read it, and Temporal
 * never re-runs a validator on replay (an update in history was accepted once and is replayed as
 * such), so a key rotated later cannot change how an old run replays. A worker without it refuses
 * every decision.
 */
public final class DecisionAuthority extends WorkerInterceptorBase {
  private static final ThreadLocal<DecisionAuthority> VALIDATING = new ThreadLocal<>();

  private final Map<String, DecisionKey> keys;
  private final RefusedDecisions refusals;

  /** Trusts decisions signed with any of {@code keys} (more than one during a rotation). */
  public DecisionAuthority(RefusedDecisions refusals, DecisionKey... keys) {
    this.refusals = refusals;
    this.keys = Stream.of(keys).collect(Collectors.toMap(DecisionKey::id, Function.identity()));
  }

  @Override
  public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
    return new WorkflowInboundCallsInterceptorBase(next) {
      @Override
      public void validateUpdate(UpdateInput input) {
        DecisionAuthority outer = VALIDATING.get();
        VALIDATING.set(DecisionAuthority.this);
        try {
          super.validateUpdate(input);
        } finally {
          VALIDATING.set(outer);
        }
      }
    };
  }

  /** Throws (and reports) unless a key of the validating worker signed {@code d} for this run. */
  static void check(String runId, Decision d) {
    DecisionAuthority authority = VALIDATING.get();
    if (authority == null) {
      throw DecisionRefused.invalid("signature", "this worker holds no decision key");
    }
    DecisionKey key = authority.keys.get(String.valueOf(DecisionKey.keyIdOf(d.signature())));
    if (key == null || !key.signed(runId, d)) {
      String why =
          d.signature() == null
              ? "the decision is not signed by the API"
              : "the decision's signature does not hold";
      authority.refusals.refused(runId, d, why);
      throw DecisionRefused.invalid("signature", why + "; decide through the API");
    }
  }
}
