package io.longhaul.activities;

import io.longhaul.contracts.FailureTypes;
import io.longhaul.drivers.DeviceException;
import io.temporal.failure.ApplicationFailure;

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

  /** Something the inventory lacks: no retry can conjure it. */
  public static ApplicationFailure notFound(String what) {
    return failure(FailureTypes.NOT_FOUND, what);
  }

  /** The inventory holds a value a driver cannot use, e.g. a switch without SNMP credentials. */
  public static ApplicationFailure invalid(String what) {
    return failure(FailureTypes.INVALID_PARAMETER, what);
  }
}
