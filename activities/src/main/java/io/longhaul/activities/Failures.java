package io.longhaul.activities;

import io.longhaul.contracts.FailureTypes;
import io.longhaul.drivers.DeviceException;
import io.temporal.failure.ApplicationFailure;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The one place a typed failure becomes a Temporal failure, retryable exactly when {@link
 * FailureTypes#retryable} says so. A driver's message names the device and the command and never a
 * secret; the driver exception is not attached as a cause, so nothing a transport library put in
 * its own message leaks into history.
 */
public final class Failures {
  private Failures() {}

  public static ApplicationFailure toTemporal(DeviceException e) {
    return failure(typeOf(e), e.getMessage());
  }

  /** A failure of one of the {@link FailureTypes}, with the retryability stated there. */
  public static ApplicationFailure failure(String type, String message) {
    return FailureTypes.retryable(type)
        ? ApplicationFailure.newFailure(message, type)
        : ApplicationFailure.newNonRetryableFailure(message, type);
  }

  /**
   * A failure another execution raised (a workflow's update, a child), passed on with its own type
   * and retryability: it was classified where it was raised.
   */
  public static ApplicationFailure passOn(ApplicationFailure af) {
    return af.isNonRetryable()
        ? ApplicationFailure.newNonRetryableFailure(af.getOriginalMessage(), af.getType())
        : ApplicationFailure.newFailure(af.getOriginalMessage(), af.getType());
  }

  /** Something no failure type names went wrong; retried, since nothing says it is permanent. */
  public static ApplicationFailure unexpected(String type, String message) {
    return ApplicationFailure.newFailure(message, type);
  }

  static String typeOf(DeviceException e) {
    return switch (e) {
      case DeviceException.Unreachable u -> FailureTypes.DEVICE_UNREACHABLE;
      case DeviceException.TimedOut t -> FailureTypes.DEVICE_TIMEOUT;
      // The activity was cancelled mid-call; Temporal retries or drops it as it decides.
      case DeviceException.Cancelled c -> FailureTypes.DEVICE_TIMEOUT;
      case DeviceException.AuthenticationFailed a -> FailureTypes.AUTHENTICATION_FAILED;
      case DeviceException.CommandRejected r -> FailureTypes.COMMAND_REJECTED;
      case DeviceException.VerificationFailed v -> FailureTypes.VERIFICATION_FAILED;
      // Someone else's domain under the name: an operator decides, never a retry.
      case DeviceException.NotOwned n -> FailureTypes.CONFLICT;
      case DeviceException.InvalidParameter p -> FailureTypes.INVALID_PARAMETER;
    };
  }

  /**
   * SQLSTATE classes of errors that a later attempt may not meet: connection (08), transaction
   * rollback such as a serialization failure or deadlock (40), insufficient resources (53), lock
   * not available (55), operator intervention such as a server restarting (57), system error (58).
   * Every other class (data exception 22, integrity constraint 23, syntax or access 42, ...) is the
   * database refusing the statement itself.
   */
  private static final Set<String> TRANSIENT_SQL_CLASSES =
      Set.of("08", "40", "53", "55", "57", "58");

  /**
   * A database error raised inside an activity or local activity, as a Temporal failure: refused
   * statements are non-retryable (the step parks for an operator instead of being retried forever),
   * an unreachable database is retried. Empty when {@code e} is no database error. The message is
   * the database's first line (which names the constraint or the problem); the detail lines, which
   * quote the refused row, stay out of history.
   */
  public static Optional<ApplicationFailure> fromDatabase(Throwable e) {
    SQLException sql = null;
    boolean spring = false;
    for (Throwable t = e; t != null && sql == null; t = t.getCause()) {
      spring |= t instanceof DataAccessException;
      if (t instanceof SQLException s) {
        sql = s;
      }
    }
    if (sql == null && !spring) {
      return Optional.empty();
    }
    String state = sql == null ? null : sql.getSQLState();
    boolean refused =
        state != null
            ? state.length() >= 2 && !TRANSIENT_SQL_CLASSES.contains(state.substring(0, 2))
            : e instanceof DataIntegrityViolationException;
    String first = firstLine(sql != null ? sql.getMessage() : e.getMessage());
    String message = "database " + (refused ? "refused" : "unavailable") + ": " + first;
    if (state != null) {
      message += " (SQLSTATE " + state + ")";
    }
    return Optional.of(
        refused
            ? ApplicationFailure.newNonRetryableFailure(message, FailureTypes.DATABASE_REFUSED)
            : ApplicationFailure.newFailure(message, FailureTypes.DATABASE_UNAVAILABLE));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no message";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }

  /** Something the inventory lacks: no retry can conjure it. */
  public static ApplicationFailure notFound(String what) {
    return failure(FailureTypes.NOT_FOUND, what);
  }

  /** The inventory holds a value a driver cannot use, e.g. a switch without SNMP credentials. */
  public static ApplicationFailure invalid(String what) {
    return failure(FailureTypes.INVALID_PARAMETER, what);
  }
}
