package io.longhaul.contracts.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.failure.ApplicationFailure;
import java.util.Optional;

/**
 * A run's {@code decide} validator refusing a decision, typed end to end: why ({@link Reason}), the
 * field at fault, and a message. Temporal hands a validator's exception to the caller only as a
 * failure's type and message (an ApplicationFailure thrown there loses its type and details), so
 * the message is the refusal itself as JSON; the API reads it back with {@link #of} and answers 400
 * or 409 naming the field.
 */
public final class DecisionRefused extends RuntimeException {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A wrong request (400), or a right one the run's state has moved past (409). */
  public enum Reason {
    INVALID,
    CONFLICT
  }

  /** What the API decodes: the refusal without the exception around it. */
  public record Refusal(Reason reason, String field, String message) {}

  private final transient Refusal refusal;

  private DecisionRefused(Refusal refusal) {
    super(encode(refusal));
    this.refusal = refusal;
  }

  /** The decision itself is wrong: a missing field, an action not allowed, a bad input. */
  public static DecisionRefused invalid(String field, String message) {
    return new DecisionRefused(new Refusal(Reason.INVALID, field, message));
  }

  /** Nothing pending matches any more: decided already, expired, or never asked. */
  public static DecisionRefused conflict(String field, String message) {
    return new DecisionRefused(new Refusal(Reason.CONFLICT, field, message));
  }

  public Refusal refusal() {
    return refusal;
  }

  /** The refusal a failure carries, looking through its causes; empty for any other failure. */
  public static Optional<Refusal> of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DecisionRefused d) {
        return Optional.of(d.refusal);
      }
      if (t instanceof ApplicationFailure app) {
        Optional<Refusal> r = decode(app.getOriginalMessage());
        if (r.isPresent()) {
          return r;
        }
      }
    }
    return Optional.empty();
  }

  private static String encode(Refusal r) {
    try {
      return JSON.writeValueAsString(r);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<Refusal> decode(String message) {
    if (message == null || !message.startsWith("{\"reason\":")) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(message);
      return Optional.of(
          new Refusal(
              Reason.valueOf(node.path("reason").asText()),
              node.path("field").asText(null),
              node.path("message").asText(null)));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
