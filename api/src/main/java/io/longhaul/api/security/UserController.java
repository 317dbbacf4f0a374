package io.longhaul.api.security;

import io.longhaul.api.audit.AuditService;
import io.longhaul.db.NotFoundException;
import io.longhaul.db.security.ApiToken;
import io.longhaul.db.security.ApiTokenRepository;
import io.longhaul.db.security.AppUser;
import io.longhaul.db.security.UserRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

/** Users (admin only) and each user's own API tokens. */
@RestController
@RequestMapping("/api/v1")
public class UserController {
  private final UserRepository users;
  private final ApiTokenRepository tokens;
  private final PasswordEncoder encoder;
  private final AuditService audit;

  public UserController(
      UserRepository users,
      ApiTokenRepository tokens,
      PasswordEncoder encoder,
      AuditService audit) {
    this.users = users;
    this.tokens = tokens;
    this.encoder = encoder;
    this.audit = audit;
  }

  public record UserView(long id, String username, String role, boolean enabled) {
    static UserView of(AppUser u) {
      return new UserView(u.id(), u.username(), u.role(), u.enabled());
    }
  }

  public record NewUser(
      @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{0,63}$") String username,
      @NotBlank @Size(min = 12, max = 200) String password,
      @NotBlank @Pattern(regexp = "viewer|operator|approver|admin") String role) {
    @Override
    public String toString() {
      return "NewUser[username=" + username + ", role=" + role + "]";
    }
  }

  public record UserChange(
      @NotBlank @Pattern(regexp = "viewer|operator|approver|admin") String role, boolean enabled) {}

  public record NewToken(
      @NotBlank @Size(max = 100) String name, @Future OffsetDateTime expiresAt) {}

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
    AppUser user = users.create(body.username(), encoder.encode(body.password()), body.role());
    audit.record(auth, "user.create", "user:" + user.username(), Map.of("role", body.role()));
    return UserView.of(user);
  }

  @PutMapping("/users/{id}")
  @RequiresRole(Role.ADMIN)
  public UserView update(
      @PathVariable long id, @Valid @RequestBody UserChange body, Authentication auth) {
    AppUser user = users.update(id, body.role(), body.enabled());
    audit.record(
        auth,
        "user.update",
        "user:" + user.username(),
        Map.of("role", body.role(), "enabled", body.enabled()));
    return UserView.of(user);
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
    ApiToken token =
        tokens.create(self(auth).id(), body.name(), ApiTokens.sha256(secret), body.expiresAt());
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
