package io.longhaul.api.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password logins (Basic and the portal's form) through {@link LoginThrottle}: a locked user or
 * address is refused before the password is checked, and a wrong password (or a disabled account)
 * counts against both.
 */
public class ThrottledAuthentication implements AuthenticationProvider {
  private final AuthenticationProvider passwords;
  private final LoginThrottle throttle;

  public ThrottledAuthentication(AuthenticationProvider passwords, LoginThrottle throttle) {
    this.passwords = passwords;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication attempt) {
    String user = attempt.getName();
    String address = address(attempt);
    var locked = throttle.lockedFor(user, address);
    if (locked.isPresent()) {
      throw new LoginThrottledException(locked.get());
    }
    try {
      Authentication done = passwords.authenticate(attempt);
      throttle.succeeded(user);
      return done;
    } catch (AuthenticationException e) {
      throttle.failed(user, address);
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return passwords.supports(authentication);
  }

  static String address(Authentication attempt) {
    return attempt.getDetails() instanceof WebAuthenticationDetails d
        ? d.getRemoteAddress()
        : "unknown";
  }
}
