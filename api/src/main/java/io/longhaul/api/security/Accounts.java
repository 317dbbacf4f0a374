package io.longhaul.api.security;

import io.longhaul.api.audit.AuditService;
import io.longhaul.api.error.BadRequestException;
import io.longhaul.db.NotFoundException;
import io.longhaul.db.security.ApiTokenRepository;
import io.longhaul.db.security.AppUser;
import io.longhaul.db.security.UserRepository;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to who a user is and what they may do. Each one that changes their power (role, enabled,
 * a reset password) ends their portal sessions at once (the session version goes up and {@link
 * SessionVersionFilter} ends older sessions on their next request) and revokes their API tokens;
 * the change, its audit entry and the revocation commit together.
 */
@Service
public class Accounts {
  private final UserRepository users;
  private final ApiTokenRepository tokens;
  private final PasswordEncoder encoder;
  private final PasswordPolicy policy;
  private final AuditService audit;

  public Accounts(
      UserRepository users,
      ApiTokenRepository tokens,
      PasswordEncoder encoder,
      PasswordPolicy policy,
      AuditService audit) {
    this.users = users;
    this.tokens = tokens;
    this.encoder = encoder;
    this.policy = policy;
    this.audit = audit;
  }

  @Transactional
  public AppUser create(String username, String password, String role, Authentication by) {
    policy.check("password", username, password);
    AppUser user = users.create(username, encoder.encode(password), role);
    audit.record(by, "user.create", "user:" + username, Map.of("role", role));
    return user;
  }

  @Transactional
  public AppUser update(long id, String role, boolean enabled, Authentication by) {
    AppUser before = users.find(id).orElseThrow(() -> new NotFoundException("user", id));
    AppUser after = users.update(id, role, enabled);
    int revoked = after.sessionVersion() != before.sessionVersion() ? tokens.deleteAllOf(id) : 0;
    audit.record(
        by,
        "user.update",
        "user:" + after.username(),
        Map.of("role", role, "enabled", enabled, "tokensRevoked", revoked));
    return after;
  }

  /** An admin sets a user's password: their sessions end and their tokens are revoked. */
  @Transactional
  public void resetPassword(long id, String password, Authentication by) {
    AppUser user = users.find(id).orElseThrow(() -> new NotFoundException("user", id));
    policy.check("password", user.username(), password);
    users.setPassword(id, encoder.encode(password));
    int revoked = tokens.deleteAllOf(id);
    audit.record(
        by, "user.password.reset", "user:" + user.username(), Map.of("tokensRevoked", revoked));
  }

  /**
   * The user changes their own password: their other sessions end, their tokens stay (they are
   * credentials of their own). Returns the new session version, for the caller's own session.
   */
  @Transactional
  public int changeOwnPassword(AppUser user, String newPassword, Authentication by) {
    policy.check("newPassword", user.username(), newPassword);
    if (encoder.matches(newPassword, user.passwordHash())) {
      throw new BadRequestException("newPassword", "must differ from the current password");
    }
    AppUser after = users.setPassword(user.id(), encoder.encode(newPassword));
    audit.record(by, "user.password.change", "user:" + user.username(), Map.of());
    return after.sessionVersion();
  }
}
