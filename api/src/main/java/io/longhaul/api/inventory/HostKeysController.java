package io.longhaul.api.inventory;

import io.longhaul.api.audit.AuditService;
import io.longhaul.api.error.BadRequestException;
import io.longhaul.api.security.RequiresRole;
import io.longhaul.api.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Device host keys the workers trust. An admin uploads a device's public host key (as {@code
 * ssh-keyscan} or the device's console shows it); the answer shows its SHA-256 fingerprint, to be
 * compared with the device's, and the key it replaced. Every change is audited.
 */
@RestController
@RequestMapping("/api/v1/host-keys")
public class HostKeysController {
  private final KnownHostKeys keys;
  private final AuditService audit;

  public HostKeysController(KnownHostKeys keys, AuditService audit) {
    this.keys = keys;
    this.audit = audit;
  }

  public record TrustRequest(@NotBlank String host, @NotNull Integer port, @NotBlank String key) {}

  @GetMapping
  @RequiresRole(Role.VIEWER)
  public List<KnownHostKeys.Entry> list() {
    return keys.list();
  }

  @PutMapping
  @RequiresRole(Role.ADMIN)
  public KnownHostKeys.Trusted trust(@Valid @RequestBody TrustRequest body, Authentication auth) {
    var trusted = keys.trust(body.host(), body.port(), body.key());
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("type", trusted.entry().type());
    detail.put("fingerprint", trusted.entry().fingerprint());
    if (trusted.replaced() != null) {
      detail.put("replaced", trusted.replaced().fingerprint());
    }
    audit.record(auth, "host-key.trust", target(body.host(), body.port()), detail);
    return trusted;
  }

  @DeleteMapping
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @RequiresRole(Role.ADMIN)
  public void forget(@RequestParam String host, @RequestParam int port, Authentication auth) {
    var removed =
        keys.forget(host, port)
            .orElseThrow(() -> new BadRequestException("host", "no key is known for it"));
    audit.record(
        auth, "host-key.forget", target(host, port), Map.of("fingerprint", removed.fingerprint()));
  }

  private static String target(String host, int port) {
    return "host-key:" + host + ":" + port;
  }
}
