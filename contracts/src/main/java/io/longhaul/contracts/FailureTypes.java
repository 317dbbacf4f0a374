package io.longhaul.contracts;

import java.util.Set;

/**
 * The typed failures activities raise, as Temporal ApplicationFailure types, and the one statement
 * of which are retryable: every type is in exactly one of {@link #RETRYABLE} and {@link
 * #NON_RETRYABLE}. Activities raise them through {@code activities/Failures}, which takes the flag
 * from here; activity retry profiles list {@link #NON_RETRYABLE} as not to be retried.
 */
public final class FailureTypes {
  public static final String DEVICE_UNREACHABLE = "DeviceUnreachable";
  public static final String DEVICE_TIMEOUT = "DeviceTimeout";
  public static final String AUTHENTICATION_FAILED = "AuthenticationFailed";
  public static final String COMMAND_REJECTED = "CommandRejected";
  public static final String VERIFICATION_FAILED = "VerificationFailed";
  public static final String INVALID_PARAMETER = "InvalidParameter";
  public static final String NOT_FOUND = "NotFound";
  public static final String CONFLICT = "Conflict";

  /** No host or network has room; retrying at once would not make any. */
  public static final String NO_CAPACITY = "NoCapacity";

  /**
   * Longhaul's own database refused a statement (a constraint, a value out of range, a statement it
   * cannot run): the same statement would be refused again.
   */
  public static final String DATABASE_REFUSED = "DatabaseRefused";

  /** Longhaul's own database could not be reached or gave up a transaction: retried. */
  public static final String DATABASE_UNAVAILABLE = "DatabaseUnavailable";

  /** A concurrent change won a race on the same row; the next attempt sees what it did. */
  public static final String CONTENDED = "Contended";

  /** Failures a later attempt can get past: the device or the database was busy or away. */
  public static final Set<String> RETRYABLE =
      Set.of(DEVICE_UNREACHABLE, DEVICE_TIMEOUT, CONTENDED, DATABASE_UNAVAILABLE);

  /** Failures that no retry can fix; activity retry policies list them as non-retryable. */
  public static final Set<String> NON_RETRYABLE =
      Set.of(
          AUTHENTICATION_FAILED,
          COMMAND_REJECTED,
          VERIFICATION_FAILED,
          INVALID_PARAMETER,
          NOT_FOUND,
          CONFLICT,
          NO_CAPACITY,
          DATABASE_REFUSED);

  private FailureTypes() {}

  /** Whether activity retry policies retry a failure of this type. */
  public static boolean retryable(String type) {
    if (RETRYABLE.contains(type)) {
      return true;
    }
    if (NON_RETRYABLE.contains(type)) {
      return false;
    }
    throw new IllegalArgumentException("unknown failure type " + type);
  }
}
