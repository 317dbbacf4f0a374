package io.longhaul.api.security;

import io.longhaul.api.audit.AuditService;
import io.longhaul.api.error.BadRequestException;
import io.longhaul.api.validation.OneLine;
import io.longhaul.db.NotFoundException;
import io.longhaul.db.security.ApiToken;
import io.longhaul.db.security.ApiTokenRepository;
import io.longhaul.db.security.AppUser;
import io.longhaul.db.security.UserRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users (admin only), each user's own password and API tokens. A token without an expiry lives
 * {@code longhaul.security.token-lifetime} (90 days by default).
 */
@RestController
@RequestMapping("/api/v1")
public class UserController {
  private final UserRepository users;
  private final ApiTokenRepository tokens;
  private final Accounts accounts;
  private final PasswordEncoder encoder;
  private final LoginThrottle throttle;
  private final AuditService audit;
  private final Duration tokenLifetime;

  public UserController(
      UserRepository users,
      ApiTokenRepository tokens,
      Accounts accounts,
      PasswordEncoder encoder,
      LoginThrottle throttle,
      AuditService audit,
      SecurityProperties properties) {
    this.users = users;
    this.tokens = tokens;
    this.accounts = accounts;
    this.encoder = encoder;
    this.throttle = throttle;
    this.audit = audit;
    this.tokenLifetime = properties.tokenLifetime();
  }

  public record UserView(long id, String username, String role, boolean enabled) {
    static UserView of(AppUser u) {
      return new UserView(u.id(), u.username(), u.role(), u.enabled());
    }
  }

  public record NewUser(
      @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{0,63}$") String username,
      // The length and the rest of the policy: PasswordPolicy, which names this field.
      @NotBlank @Size(max = 200) String password,
      @NotBlank @Pattern(regexp = "viewer|operator|approver|admin") String role) {
    @Override
    public String toString() {
      return "NewUser[username=" + username + ", role=" + role + "]";
    }
  }

  public record UserChange(
      @NotBlank @Pattern(regexp = "viewer|operator|approver|admin") String role,
      @NotNull Boolean enabled) {}

  /** An admin's reset of another user's password. */
  public record PasswordReset(@NotBlank @Size(max = 200) String password) {
    @Override
    public String toString() {
      return "PasswordReset[]";
    }
  }

  /** A user's change of their own password: the current one proves it is them. */
  public record PasswordChange(
      @NotBlank @Size(max = 200) String oldPassword,
      @NotBlank @Size(max = 200) String newPassword) {
    @Override
    public String toString() {
      return "PasswordChange[]";
    }
  }

  public record NewToken(
      @NotBlank @OneLine(max = 100) String name, @Future OffsetDateTime expiresAt) {}

  public record CreatedToken(ApiToken token, String secret) {}

  @GetMapping("/me")
  @RequiresRole(Role.VIEWER)
  public Map<String, String> me(Authentication auth) {
    return Map.of("username", CurrentUser.name(auth), "role", CurrentUser.role(auth).value());
  }

  @GetMapping("/users")
  @RequiresRole(Role.ADMIN)
  public List<UserView> list() {
    return users.list().stream().map(UserView::of).toList();
  }

  @PostMapping("/users")
  @ResponseStatus(HttpStatus.CREATED)
  @RequiresRole(Role.ADMIN)
  public UserView create(@Valid @RequestBody NewUser body, Authentication auth) {
    return UserView.of(accounts.create(body.username(), body.password(), body.role(), auth));
  }

  @PutMapping("/users/{id}")
  @RequiresRole(Role.ADMIN)
  public UserView update(
      @PathVariable long id, @Valid @RequestBody UserChange body, Authentication auth) {
    return UserView.of(accounts.update(id, body.role(), body.enabled(), auth));
  }

  @PutMapping("/users/{id}/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @RequiresRole(Role.ADMIN)
  public void resetPassword(
      @PathVariable long id, @Valid @RequestBody PasswordReset body, Authentication auth) {
    accounts.resetPassword(id, body.password(), auth);
  }

  @PostMapping("/me/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @RequiresRole(Role.VIEWER)
  public void changePassword(
      @Valid @RequestBody PasswordChange body, Authentication auth, HttpServletRequest request) {
    AppUser me = self(auth);
    String address = request.getRemoteAddr();
    var locked = throttle.lockedFor(me.username(), address);
    if (locked.isPresent()) {
      throw new LoginThrottledException(locked.get()); // the entry point answers 429
    }
    // The current password is a login like any other: a wrong one counts as a failure.
    if (!encoder.matches(body.oldPassword(), me.passwordHash())) {
      throttle.failed(me.username(), address);
      audit.record(auth, "user.password.change.refused", "user:" + me.username(), Map.of());
      throw new BadRequestException("oldPassword", "is not your current password");
    }
    SessionVersionFilter.restamp(request, accounts.changeOwnPassword(me, body.newPassword(), auth));
  }

  @GetMapping("/tokens")
  @RequiresRole(Role.VIEWER)
  public List<ApiToken> myTokens(Authentication auth) {
    return tokens.listForUser(self(auth).id());
  }

  @PostMapping("/tokens")
  @ResponseStatus(HttpStatus.CREATED)
  @RequiresRole(Role.VIEWER)
  public CreatedToken createToken(@Valid @RequestBody NewToken body, Authentication auth) {
    String secret = ApiTokens.mint();
    OffsetDateTime expiresAt =
        body.expiresAt() != null ? body.expiresAt() : OffsetDateTime.now().plus(tokenLifetime);
    ApiToken token =
        tokens.create(self(auth).id(), body.name(), ApiTokens.sha256(secret), expiresAt);
    audit.record(auth, "token.create", "token:" + token.id(), Map.of("name", body.name()));
    return new CreatedToken(token, secret);
  }

  @DeleteMapping("/tokens/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @RequiresRole(Role.VIEWER)
  public void deleteToken(@PathVariable long id, Authentication auth) {
    if (!tokens.delete(self(auth).id(), id)) {
      throw new NotFoundException("token", id);
    }
    audit.record(auth, "token.delete", "token:" + id, Map.of());
  }

  private AppUser self(Authentication auth) {
    return users
        .findByUsername(CurrentUser.name(auth))
        .orElseThrow(() -> new NotFoundException("user", CurrentUser.name(auth)));
  }
}
