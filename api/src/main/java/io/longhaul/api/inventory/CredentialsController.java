package io.longhaul.api.inventory;

import io.longhaul.api.audit.AuditService;
import io.longhaul.api.error.BadRequestException;
import io.longhaul.api.security.RequiresRole;
import io.longhaul.api.security.Role;
import io.longhaul.db.credential.Credential;
import io.longhaul.db.credential.CredentialRepository;
import io.longhaul.db.credential.CredentialScopes;
import io.longhaul.db.credential.SshKeySecret;
import io.longhaul.db.inventory.SiteRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Credentials are write-only: no response ever carries a secret. Admins manage them. */
@RestController
@RequestMapping("/api/v1/credentials")
public class CredentialsController {
  private final CredentialRepository credentials;
  private final AuditService audit;

  private final CredentialScopes scopes;
  private final SiteRepository sites;

  public CredentialsController(
      CredentialRepository credentials,
      AuditService audit,
      CredentialScopes scopes,
      SiteRepository sites) {
    this.credentials = credentials;
    this.audit = audit;
    this.scopes = scopes;
    this.sites = sites;
  }

  /**
   * Where a credential may be sent: one site (null: any), device kinds ({@code switch}, {@code
   * hypervisor}, {@code cluster}; empty: any), address ranges (empty: anywhere in the device's
   * site's management networks).
   */
  public record ScopeBody(Long siteId, List<String> kinds, List<String> cidrs) {}

  @GetMapping("/{id}/scope")
  @RequiresRole(Role.ADMIN)
  public CredentialScopes.Scope scope(@PathVariable long id) {
    return scopes.scope(id);
  }

  /** Narrows or widens where the credential may go; checked again before every use. */
  @PutMapping("/{id}/scope")
  @RequiresRole(Role.ADMIN)
  public CredentialScopes.Scope setScope(
      @PathVariable long id, @RequestBody ScopeBody body, Authentication auth) {
    if (body == null) {
      throw new BadRequestException("body", "is required");
    }
    List<String> kinds = body.kinds() == null ? List.of() : body.kinds();
    for (int i = 0; i < kinds.size(); i++) {
      if (!CredentialScopes.DEVICE_KINDS.contains(kinds.get(i))) {
        throw new BadRequestException(
            "kinds[" + i + "]", "is not one of " + CredentialScopes.DEVICE_KINDS);
      }
    }
    List<String> cidrs =
        Cidrs.canonical(scopes, "cidrs", body.cidrs() == null ? List.of() : body.cidrs());
    if (body.siteId() != null && sites.find(body.siteId()).isEmpty()) {
      throw new BadRequestException("siteId", "no site " + body.siteId());
    }
    var set = scopes.setScope(id, new CredentialScopes.Scope(body.siteId(), kinds, cidrs));
    audit.record(
        auth,
        "credential.scope",
        "credential:" + id,
        Map.of("siteId", String.valueOf(set.siteId()), "kinds", set.kinds(), "cidrs", set.cidrs()));
    return set;
  }

  public record CredentialBody(
      @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{0,63}$") String name,
      @NotBlank @Pattern(regexp = "ssh-password|ssh-key|snmp-v2c|snmp-v3|http-basic|http-token")
          String kind,
      @Pattern(regexp = "^[A-Za-z0-9._@-]{1,64}$") String username,
      @NotBlank @Size(max = 16384) String secret) {
    @Override
    public String toString() {
      return "CredentialBody[name=" + name + ", kind=" + kind + ", username=" + username + "]";
    }
  }

  public record SecretChange(
      @Pattern(regexp = "^[A-Za-z0-9._@-]{1,64}$") String username,
      @NotBlank @Size(max = 16384) String secret) {
    @Override
    public String toString() {
      return "SecretChange[username=" + username + "]";
    }
  }

  @GetMapping
  @RequiresRole(Role.ADMIN)
  public List<Credential> list() {
    return credentials.list();
  }

  @GetMapping("/{id}")
  @RequiresRole(Role.ADMIN)
  public Credential get(@PathVariable long id) {
    return credentials.get(id);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @RequiresRole(Role.ADMIN)
  public Credential create(@Valid @RequestBody CredentialBody body, Authentication auth) {
    checkSecret(body.kind(), body.secret());
    Credential c =
        credentials.create(
            new Credential.Spec(body.name(), body.kind(), body.username(), body.secret()));
    audit.record(auth, "credential.create", "credential:" + c.name(), Map.of("kind", c.kind()));
    return c;
  }

  @PutMapping("/{id}")
  @RequiresRole(Role.ADMIN)
  public Credential update(
      @PathVariable long id, @Valid @RequestBody SecretChange body, Authentication auth) {
    checkSecret(credentials.get(id).kind(), body.secret());
    Credential c = credentials.update(id, body.username(), body.secret());
    audit.record(auth, "credential.update", "credential:" + c.name(), Map.of());
    return c;
  }

  /** An SSH key must be one the worker can load; the message never echoes the secret. */
  private static void checkSecret(String kind, String secret) {
    if ("ssh-key".equals(kind)) {
      try {
        SshKeySecret.parse(secret);
      } catch (IllegalArgumentException e) {
        throw new BadRequestException("secret", e.getMessage());
      }
    }
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @RequiresRole(Role.ADMIN)
  public void delete(@PathVariable long id, Authentication auth) {
    credentials.delete(id);
    audit.record(auth, "credential.delete", "credential:" + id, Map.of());
  }
}
