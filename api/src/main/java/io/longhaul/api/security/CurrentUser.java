package io.longhaul.api.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Reads the caller's name and role from Spring Security's authentication. */
public final class CurrentUser {
  static final String ROLE_PREFIX = "ROLE_";

  private CurrentUser() {}

  public static String name(Authentication auth) {
    return auth == null ? "anonymous" : auth.getName();
  }

  public static Role role(Authentication auth) {
    if (auth == null || !auth.isAuthenticated()) {
      return null;
    }
    Role best = null;
    for (GrantedAuthority a : auth.getAuthorities()) {
      String name = a.getAuthority();
      if (name != null && name.startsWith(ROLE_PREFIX)) {
        try {
          Role r = Role.of(name.substring(ROLE_PREFIX.length()));
          if (best == null || r.covers(best)) {
            best = r;
          }
        } catch (IllegalArgumentException ignored) {
          // Not one of ours (e.g. ROLE_ANONYMOUS).
        }
      }
    }
    return best;
  }
}
