package io.longhaul.db.inventory;

import static io.longhaul.db.jooq.Tables.SITE;

import io.longhaul.db.jooq.tables.records.SiteRecord;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

@Repository
public class SiteRepository extends InventoryRepository<SiteRecord, Site, Site.Spec> {

  public SiteRepository(DSLContext db) {
    super(db, SITE, SITE.ID, "site");
  }

  @Override
  protected Site map(Record row) {
    var r = row.into(SITE);
    return new Site(r.getId(), r.getCode(), r.getName(), r.getTimeZone(), r.getCreatedAt());
  }

  public Optional<Site> findByCode(String code) {
    return db.selectFrom(SITE).where(SITE.CODE.eq(code)).fetchOptional(this::map);
  }
}
