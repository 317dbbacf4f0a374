package io.longhaul.db.security;

/** A Longhaul user. The password hash never leaves the security layer. */
public record AppUser(long id, String username, String passwordHash, String role, boolean enabled) {
  @Override
  public String toString() {
    return "AppUser[id=" + id + ", username=" + username + ", role=" + role + "]";
  }
}
