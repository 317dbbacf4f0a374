package io.longhaul.api.security;

import java.util.Locale;

/** Roles in increasing power: each covers everything the roles before it may do. */
public enum Role {
  VIEWER,
  OPERATOR,
  APPROVER,
  ADMIN;

  public boolean covers(Role required) {
    return compareTo(required) >= 0;
  }

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
