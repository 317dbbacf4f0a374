package io.longhaul.api.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many failed logins for this user or address: refused without checking the password. */
public class LoginThrottledException extends AuthenticationException {
  private final Duration retryAfter;

  public LoginThrottledException(Duration retryAfter) {
    super("too many failed logins; try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
    this.retryAfter = retryAfter;
  }

  /** Whole seconds, at least one, for the Retry-After header. */
  public long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }
}
