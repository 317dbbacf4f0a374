package io.longhaul.api.inventory;

import io.longhaul.api.audit.AuditService;
import io.longhaul.api.security.RequiresRole;
import io.longhaul.api.security.Role;
import io.longhaul.db.inventory.InventoryRepository;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * CRUD for one inventory table: anyone signed in reads, operators change, and every change is
 * audited. Request bodies validate their fields; the database's constraints have the last word.
 */
public abstract class InventoryController<T, B extends InventoryController.Body<S>, S> {

  /** A validated request body that becomes the repository's spec. */
  public interface Body<S> {
    S toSpec();
  }

  private final InventoryRepository<?, T, S> repository;
  private final AuditService audit;
  private final String kind;

  protected InventoryController(
      InventoryRepository<?, T, S> repository, AuditService audit, String kind) {
    this.repository = repository;
    this.audit = audit;
    this.kind = kind;
  }

  /**
   * Checks a spec against other rows before it is written (e.g. that a referenced credential is of
   * the right kind), throwing a field-named {@code BadRequestException}; nothing by default.
   */
  protected void check(S spec) {}

  @GetMapping
  @RequiresRole(Role.VIEWER)
  public List<T> list() {
    return repository.list();
  }

  @GetMapping("/{id}")
  @RequiresRole(Role.VIEWER)
  public T get(@PathVariable long id) {
    return repository.get(id);
  }

  // Transactional: the row and its audit entry commit together, or neither does (a failure after
  // the INSERT once left a row behind a 500).
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @RequiresRole(Role.OPERATOR)
  @Transactional
  public T create(@Valid @RequestBody B body, Authentication auth) {
    check(body.toSpec());
    T created = repository.create(body.toSpec());
    audit.record(auth, kind + ".create", kind, Map.of("spec", String.valueOf(body.toSpec())));
    return created;
  }

  @PutMapping("/{id}")
  @RequiresRole(Role.OPERATOR)
  @Transactional
  public T update(@PathVariable long id, @Valid @RequestBody B body, Authentication auth) {
    check(body.toSpec());
    T updated = repository.update(id, body.toSpec());
    audit.record(
        auth, kind + ".update", kind + ":" + id, Map.of("spec", String.valueOf(body.toSpec())));
    return updated;
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @RequiresRole(Role.OPERATOR)
  @Transactional
  public void delete(@PathVariable long id, Authentication auth) {
    repository.delete(id);
    audit.record(auth, kind + ".delete", kind + ":" + id, Map.of());
  }
}
