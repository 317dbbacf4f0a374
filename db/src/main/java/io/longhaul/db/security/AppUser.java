package io.longhaul.db.security;

/**
 * A Longhaul user. The password hash never leaves the security layer. {@code sessionVersion} goes
 * up whenever what the user may do changes; portal sessions opened at an older one are over.
 */
public record AppUser(
    long id,
    String username,
    String passwordHash,
    String role,
    boolean enabled,
    int sessionVersion) {
  @Override
  public String toString() {
    return "AppUser[id=" + id + ", username=" + username + ", role=" + role + "]";
  }
}
