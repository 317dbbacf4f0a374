package io.longhaul.db.instance;

import static io.longhaul.db.jooq.Tables.HYPERVISOR;
import static io.longhaul.db.jooq.Tables.SITE;
import static io.longhaul.db.jooq.Tables.UNACCOUNTED_DOMAIN;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Domains no instance accounts for, per hypervisor: the drift watch's last look replaces them. */
@Repository
public class UnaccountedDomainRepository {
  private final DSLContext db;

  public UnaccountedDomainRepository(DSLContext db) {
    this.db = db;
  }

  /** What the watch saw on the host now; a domain seen before keeps its first sighting. */
  @Transactional
  public void replace(long hypervisorId, List<UnaccountedDomain.Seen> seen) {
    OffsetDateTime now = OffsetDateTime.now();
    var names = seen.stream().map(UnaccountedDomain.Seen::name).toList();
    db.deleteFrom(UNACCOUNTED_DOMAIN)
        .where(UNACCOUNTED_DOMAIN.HYPERVISOR_ID.eq(hypervisorId))
        .and(UNACCOUNTED_DOMAIN.NAME.notIn(names))
        .execute();
    for (var d : seen) {
      db.insertInto(UNACCOUNTED_DOMAIN)
          .set(UNACCOUNTED_DOMAIN.HYPERVISOR_ID, hypervisorId)
          .set(UNACCOUNTED_DOMAIN.NAME, d.name())
          .set(UNACCOUNTED_DOMAIN.STATE, d.state())
          .set(UNACCOUNTED_DOMAIN.OWNER_CHANGE, d.ownerChange())
          .set(UNACCOUNTED_DOMAIN.FIRST_SEEN_AT, now)
          .set(UNACCOUNTED_DOMAIN.LAST_SEEN_AT, now)
          .onConflict(UNACCOUNTED_DOMAIN.HYPERVISOR_ID, UNACCOUNTED_DOMAIN.NAME)
          .doUpdate()
          .set(UNACCOUNTED_DOMAIN.STATE, d.state())
          .set(UNACCOUNTED_DOMAIN.OWNER_CHANGE, d.ownerChange())
          .set(UNACCOUNTED_DOMAIN.LAST_SEEN_AT, now)
          .execute();
    }
  }

  /** Of one site, or of all when {@code siteCode} is null. */
  public List<UnaccountedDomain> list(String siteCode) {
    return db.select(
            SITE.CODE,
            HYPERVISOR.NAME,
            UNACCOUNTED_DOMAIN.NAME,
            UNACCOUNTED_DOMAIN.STATE,
            UNACCOUNTED_DOMAIN.OWNER_CHANGE,
            UNACCOUNTED_DOMAIN.FIRST_SEEN_AT,
            UNACCOUNTED_DOMAIN.LAST_SEEN_AT)
        .from(UNACCOUNTED_DOMAIN)
        .join(HYPERVISOR)
        .on(HYPERVISOR.ID.eq(UNACCOUNTED_DOMAIN.HYPERVISOR_ID))
        .join(SITE)
        .on(SITE.ID.eq(HYPERVISOR.SITE_ID))
        .where(siteCode == null ? SITE.CODE.isNotNull() : SITE.CODE.eq(siteCode))
        .orderBy(HYPERVISOR.NAME, UNACCOUNTED_DOMAIN.NAME)
        .fetch(
            r ->
                new UnaccountedDomain(
                    r.value1(),
                    r.value2(),
                    r.value3(),
                    r.value4(),
                    r.value5(),
                    r.value6(),
                    r.value7()));
  }
}
