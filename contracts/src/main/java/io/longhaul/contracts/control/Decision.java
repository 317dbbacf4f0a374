package io.longhaul.contracts.control;

import io.longhaul.contracts.vocabulary.OperatorAction;
import java.util.Map;

/**
 * An operator's decision on one pending step: {@code action} is an {@link OperatorAction}'s value.
 * {@code input} replaces the step's input on a retry (null keeps it); it is converted to the step's
 * input record, whose own checks apply, as for a new request.
 */
public record Decision(
    String action,
    String step,
    String target,
    Map<String, Object> input,
    String actor,
    String reason) {}
