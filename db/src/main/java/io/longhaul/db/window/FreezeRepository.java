package io.longhaul.db.window;

import static io.longhaul.db.jooq.Tables.WINDOW_FREEZE;

import io.longhaul.db.NotFoundException;
import io.longhaul.db.jooq.tables.records.WindowFreezeRecord;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
public class FreezeRepository {
  private final DSLContext db;

  public FreezeRepository(DSLContext db) {
    this.db = db;
  }

  /** A freeze; a null start means now, a null end until lifted. */
  public Freeze create(
      String name,
      List<String> scopes,
      OffsetDateTime startsAt,
      OffsetDateTime endsAt,
      String reason,
      String createdBy) {
    return db.insertInto(WINDOW_FREEZE)
        .set(WINDOW_FREEZE.NAME, name)
        .set(WINDOW_FREEZE.SCOPES, scopes.toArray(String[]::new))
        .set(
            WINDOW_FREEZE.STARTS_AT,
            startsAt == null ? DSL.currentOffsetDateTime() : DSL.val(startsAt))
        .set(WINDOW_FREEZE.ENDS_AT, endsAt)
        .set(WINDOW_FREEZE.REASON, reason)
        .set(WINDOW_FREEZE.CREATED_BY, createdBy)
        .returning()
        .fetchSingle(FreezeRepository::map);
  }

  public Freeze get(long id) {
    return db.selectFrom(WINDOW_FREEZE)
        .where(WINDOW_FREEZE.ID.eq(id))
        .fetchOptional(FreezeRepository::map)
        .orElseThrow(() -> new NotFoundException("freeze", id));
  }

  /** Freezes not yet over (active or upcoming), oldest first. */
  public List<Freeze> current() {
    return db.selectFrom(WINDOW_FREEZE)
        .where(
            WINDOW_FREEZE
                .ENDS_AT
                .isNull()
                .or(WINDOW_FREEZE.ENDS_AT.gt(DSL.currentOffsetDateTime())))
        .orderBy(WINDOW_FREEZE.ID)
        .fetch(FreezeRepository::map);
  }

  public List<Freeze> list(int limit) {
    return db.selectFrom(WINDOW_FREEZE)
        .orderBy(WINDOW_FREEZE.ID.desc())
        .limit(limit)
        .fetch(FreezeRepository::map);
  }

  /** Ends a freeze now, if it has not ended; returns it as it is afterwards. */
  public Freeze lift(long id, String by) {
    db.update(WINDOW_FREEZE)
        .set(
            WINDOW_FREEZE.ENDS_AT,
            DSL.greatest(DSL.currentOffsetDateTime(), WINDOW_FREEZE.STARTS_AT))
        .set(WINDOW_FREEZE.LIFTED_BY, by)
        .where(WINDOW_FREEZE.ID.eq(id))
        .and(
            WINDOW_FREEZE
                .ENDS_AT
                .isNull()
                .or(WINDOW_FREEZE.ENDS_AT.gt(DSL.currentOffsetDateTime())))
        .execute();
    return get(id);
  }

  /** Open-ended freezes with exactly these scopes (a "freeze now" switch), still on. */
  public List<Freeze> switchedOn(List<String> scopes) {
    return current().stream().filter(f -> f.endsAt() == null && f.scopes().equals(scopes)).toList();
  }

  static Freeze map(WindowFreezeRecord r) {
    return new Freeze(
        r.getId(),
        r.getName(),
        Arrays.asList(r.getScopes()),
        r.getStartsAt(),
        r.getEndsAt(),
        r.getReason(),
        r.getCreatedBy(),
        r.getCreatedAt(),
        r.getLiftedBy());
  }
}
