package io.longhaul.api.window;

import io.longhaul.api.audit.AuditService;
import io.longhaul.contracts.window.Scope;
import io.longhaul.db.inventory.Site;
import io.longhaul.db.inventory.SiteRepository;
import io.longhaul.db.window.Freeze;
import io.longhaul.db.window.FreezeRepository;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * A degraded site is a freeze of the site's scope named {@code site-degraded:<code>}. The journal's
 * window gate already holds every disruptive step of that scope at its next gate, visibly (the run
 * waits for "freeze site-degraded:<code>"), without failing it and without touching other sites;
 * lifting the freeze signals the waiting runs, which go on. So the mark needs no workflow change and
 * recorded histories replay as they are: the gate's local activity simply reads one freeze more.
 */
@Service
public class SiteGate {
  static final String PREFIX = "site-degraded:";

  private final SiteRepository sites;
  private final FreezeRepository freezes;
  private final AuditService audit;
  private final RunNotifier notifier;

  public SiteGate(
      SiteRepository sites, FreezeRepository freezes, AuditService audit, RunNotifier notifier) {
    this.sites = sites;
    this.freezes = freezes;
    this.audit = audit;
    this.notifier = notifier;
  }

  /** A site's gate: degraded (with who, why, since) or ok. */
  public record SiteHealth(
      String site,
      boolean degraded,
      String reason,
      String by,
      OffsetDateTime since,
      Long freezeId) {}

  public SiteHealth health(long siteId) {
    Site site = sites.get(siteId);
    return mark(site.code())
        .map(
            f -> new SiteHealth(site.code(), true, f.reason(), f.createdBy(), f.startsAt(), f.id()))
        .orElse(new SiteHealth(site.code(), false, null, null, null, null));
  }

  /** Marks the site degraded; a second mark returns the first, unchanged. */
  public SiteHealth degrade(long siteId, String reason, String actor) {
    Site site = sites.get(siteId);
    if (mark(site.code()).isEmpty()) {
      List<String> scopes = List.of(scopeOf(site));
      Freeze f = freezes.create(PREFIX + site.code(), scopes, null, null, reason, actor);
      audit.record(
          actor, "site.degrade", "site:" + site.code(), Map.of("reason", reason, "freeze", f.id()));
      notifier.notify(scopes);
    }
    return health(siteId);
  }

  /** Lifts the mark; the runs held by it go on. A site not degraded is left as it is. */
  public SiteHealth restore(long siteId, String reason, String actor) {
    Site site = sites.get(siteId);
    Optional<Freeze> mark = mark(site.code());
    if (mark.isPresent()) {
      freezes.lift(mark.get().id(), actor);
      audit.record(
          actor,
          "site.restore",
          "site:" + site.code(),
          Map.of("reason", reason, "freeze", mark.get().id()));
      notifier.notify(List.of(scopeOf(site)));
    }
    return health(siteId);
  }

  private Optional<Freeze> mark(String code) {
    return freezes.current().stream()
        .filter(f -> f.endsAt() == null && f.name().equals(PREFIX + code))
        .findFirst();
  }

  private static String scopeOf(Site site) {
    Scope s = Scope.site(site.code());
    return s.kind() + ":" + s.value();
  }

  /** Whether a freeze is a site's degraded mark, which only this service switches. */
  static boolean isMark(Freeze f) {
    return f.name().startsWith(PREFIX);
  }
}
