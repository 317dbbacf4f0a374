package io.longhaul.api.window;

import io.longhaul.api.audit.AuditService;
import io.longhaul.api.error.BadRequestException;
import io.longhaul.db.window.Freeze;
import io.longhaul.db.window.FreezeRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Freezes and the "freeze now" switch: recorded, audited, then signalled to live runs. */
@Service
public class FreezeService {
  private final FreezeRepository freezes;
  private final AuditService audit;
  private final RunNotifier notifier;

  public FreezeService(FreezeRepository freezes, AuditService audit, RunNotifier notifier) {
    this.freezes = freezes;
    this.audit = audit;
    this.notifier = notifier;
  }

  public Freeze create(FreezeRequest r, String actor) {
    List<String> scopes = Scopes.parse("scopes", r.scopes());
    if (r.startsAt() != null && r.endsAt() != null && r.endsAt().isBefore(r.startsAt())) {
      throw new BadRequestException("endsAt", "must not be before startsAt");
    }
    Freeze f =
        freezes.create(r.name(), global(scopes), r.startsAt(), r.endsAt(), r.reason(), actor);
    audit.record(actor, "freeze.create", "freeze:" + f.id(), detail(f));
    notify(f);
    return f;
  }

  /** Switches a scope's (or the global) freeze on; a second switch-on returns the first. */
  public Freeze freezeNow(FreezeNowRequest r, String actor) {
    List<String> scopes = scopesOf(r.scope());
    List<Freeze> on = switchedOn(scopes);
    if (!on.isEmpty()) {
      return on.getFirst();
    }
    String name = "freeze-now:" + (scopes.isEmpty() ? "global" : scopes.getFirst());
    Freeze f = freezes.create(name, scopes, null, null, r.reason(), actor);
    audit.record(actor, "freeze.now", "freeze:" + f.id(), detail(f));
    notify(f);
    return f;
  }

  /** Lifts the scope's (or the global) "freeze now"; returns what was lifted. */
  public List<Freeze> liftNow(String scope, String actor) {
    List<Freeze> lifted = new ArrayList<>();
    for (Freeze f : switchedOn(scopesOf(scope))) {
      lifted.add(lift(f.id(), actor));
    }
    return lifted;
  }

  public Freeze lift(long id, String actor) {
    Freeze f = freezes.lift(id, actor);
    audit.record(actor, "freeze.lift", "freeze:" + id, detail(f));
    notify(f);
    return f;
  }

  /** The "freeze now" switches of these scopes; a site's degraded mark is SiteGate's to lift. */
  private List<Freeze> switchedOn(List<String> scopes) {
    return freezes.switchedOn(scopes).stream().filter(f -> !SiteGate.isMark(f)).toList();
  }

  private void notify(Freeze f) {
    notifier.notify(f.scopes().isEmpty() ? null : f.scopes());
  }

  private static List<String> scopesOf(String scope) {
    if (scope == null || scope.isBlank()) {
      return List.of();
    }
    return global(Scopes.parse("scope", List.of(scope)));
  }

  /** The global scope is stored as "no scopes". */
  private static List<String> global(List<String> scopes) {
    return scopes.contains("global") ? List.of() : scopes;
  }

  private static Map<String, Object> detail(Freeze f) {
    return Map.of(
        "name", f.name(), "scopes", f.scopes(), "reason", f.reason() == null ? "" : f.reason());
  }
}
