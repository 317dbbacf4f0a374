package io.longhaul.api.security;

import io.longhaul.contracts.control.Roles;
import java.util.Locale;

/**
 * Roles in increasing power: each covers everything the roles before it may do ({@link Roles},
 * which the workflows check decisions with too).
 */
public enum Role {
  VIEWER,
  OPERATOR,
  APPROVER,
  ADMIN;

  public boolean covers(Role required) {
    return Roles.covers(value(), required.value());
  }

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
