package io.longhaul.activities;

import io.longhaul.contracts.FailureTypes;
import io.longhaul.drivers.DeviceException;
import io.temporal.failure.ApplicationFailure;

/**
 * The one place a driver's typed failure becomes a Temporal failure. The message is the driver's,
 * which names the device and the command and never a secret; the driver exception is not attached
 * as a cause, so nothing a transport library put in its own message leaks into history.
 */
public final class Failures {
  private Failures() {}

  public static ApplicationFailure toTemporal(DeviceException e) {
    String type = typeOf(e);
    return e.retryable()
        ? ApplicationFailure.newFailure(e.getMessage(), type)
        : ApplicationFailure.newNonRetryableFailure(e.getMessage(), type);
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
    return ApplicationFailure.newNonRetryableFailure(what, FailureTypes.NOT_FOUND);
  }

  /** The inventory holds a value a driver cannot use, e.g. a switch without SNMP credentials. */
  public static ApplicationFailure invalid(String what) {
    return ApplicationFailure.newNonRetryableFailure(what, FailureTypes.INVALID_PARAMETER);
  }
}
