package io.longhaul.contracts;

import java.util.Set;

/**
 * The typed failures activities raise, as Temporal ApplicationFailure types. Retryable types are
 * retried by activity retry policies; the others fail the step at once.
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
}
