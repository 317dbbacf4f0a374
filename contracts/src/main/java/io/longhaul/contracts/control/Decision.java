package io.longhaul.contracts.control;

import io.longhaul.contracts.vocabulary.OperatorAction;
import java.util.Map;

/**
 * An operator's decision on one pending step: {@code action} is an {@link OperatorAction}'s value.
 * {@code input} replaces the step's input on a retry (null keeps it); it is converted to the step's
 * input record, whose own checks apply, as for a new request.
 *
 * <p>{@code actor} and {@code role} say who decides; {@code issuedAtMillis} and {@code signature}
 * are the API's attestation of that ({@link DecisionKey}): the workflow refuses a decision the API
 * did not sign, so a client that reaches Temporal directly cannot decide as anyone.
 */
public record Decision(
    String action,
    String step,
    String target,
    Map<String, Object> input,
    String actor,
    String reason,
    String role,
    Long issuedAtMillis,
    String signature) {

  /** A decision before the API signs it. */
  public static Decision unsigned(
      String action,
      String step,
      String target,
      Map<String, Object> input,
      String actor,
      String reason) {
    return new Decision(action, step, target, input, actor, reason, null, null, null);
  }
}
