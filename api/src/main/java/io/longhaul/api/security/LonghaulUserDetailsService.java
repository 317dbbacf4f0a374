package io.longhaul.api.security;

import io.longhaul.db.security.AppUser;
import io.longhaul.db.security.UserRepository;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Users live in PostgreSQL; their role becomes the one granted authority. */
public class LonghaulUserDetailsService implements UserDetailsService {
  private final UserRepository users;

  public LonghaulUserDetailsService(UserRepository users) {
    this.users = users;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    AppUser user =
        users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
    return toDetails(user);
  }

  static UserDetails toDetails(AppUser user) {
    return User.withUsername(user.username())
        .password(user.passwordHash())
        .disabled(!user.enabled())
        .roles(user.role().toUpperCase(java.util.Locale.ROOT))
        .build();
  }
}
