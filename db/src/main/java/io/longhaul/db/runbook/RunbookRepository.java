package io.longhaul.db.runbook;

import static io.longhaul.db.jooq.Tables.RUNBOOK;
import static io.longhaul.db.jooq.Tables.RUNBOOK_VERSION;

import io.longhaul.db.NotFoundException;
import io.longhaul.db.jooq.tables.records.RunbookVersionRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Runbooks and their versions. A new version is numbered one past the latest in the same statement;
 * two saves at once collide on the primary key, and the loser is told to reload.
 */
@Repository
public class RunbookRepository {
  private final DSLContext db;

  public RunbookRepository(DSLContext db) {
    this.db = db;
  }

  /** What a save writes. */
  public record Draft(String title, String source, String definitionJson, String reason) {}

  /** Creates the runbook with version 1; false when the name is taken. */
  public boolean create(String name, Draft d, String by) {
    return db.transactionResult(
        tx -> {
          int rows =
              tx.dsl()
                  .insertInto(RUNBOOK)
                  .set(RUNBOOK.NAME, name)
                  .set(RUNBOOK.CREATED_BY, by)
                  .onConflictDoNothing()
                  .execute();
          if (rows == 0) return false;
          insert(tx.dsl(), name, 1, d, by);
          return true;
        });
  }

  /**
   * Adds a version after {@code basedOn} (the version the author edited); empty when another save
   * came first, so an edit never silently replaces one the author has not seen. Saving an archived
   * runbook brings it back.
   */
  public Optional<Integer> addVersion(String name, int basedOn, Draft d, String by) {
    return db.transactionResult(
        tx -> {
          DSLContext t = tx.dsl();
          t.selectFrom(RUNBOOK)
              .where(RUNBOOK.NAME.eq(name))
              .forUpdate()
              .fetchOptional()
              .orElseThrow(() -> new NotFoundException("runbook", name));
          Integer latest =
              t.select(DSL.max(RUNBOOK_VERSION.VERSION))
                  .from(RUNBOOK_VERSION)
                  .where(RUNBOOK_VERSION.RUNBOOK.eq(name))
                  .fetchOne(0, Integer.class);
          int current = latest == null ? 0 : latest;
          if (current != basedOn) return Optional.<Integer>empty();
          insert(t, name, current + 1, d, by);
          t.update(RUNBOOK)
              .setNull(RUNBOOK.ARCHIVED_AT)
              .setNull(RUNBOOK.ARCHIVED_BY)
              .where(RUNBOOK.NAME.eq(name))
              .execute();
          return Optional.of(current + 1);
        });
  }

  private static void insert(DSLContext t, String name, int version, Draft d, String by) {
    t.insertInto(RUNBOOK_VERSION)
        .set(RUNBOOK_VERSION.RUNBOOK, name)
        .set(RUNBOOK_VERSION.VERSION, version)
        .set(RUNBOOK_VERSION.TITLE, d.title())
        .set(RUNBOOK_VERSION.SOURCE, d.source())
        .set(RUNBOOK_VERSION.DEFINITION, JSONB.valueOf(d.definitionJson()))
        .set(RUNBOOK_VERSION.REASON, d.reason())
        .set(RUNBOOK_VERSION.CREATED_BY, by)
        .execute();
  }

  /** Takes the runbook out of the catalog; its versions stay for the runs that used them. */
  public boolean archive(String name, String by) {
    return db.update(RUNBOOK)
            .set(RUNBOOK.ARCHIVED_AT, DSL.currentOffsetDateTime())
            .set(RUNBOOK.ARCHIVED_BY, by)
            .where(RUNBOOK.NAME.eq(name))
            .and(RUNBOOK.ARCHIVED_AT.isNull())
            .execute()
        > 0;
  }

  public boolean archived(String name) {
    return db.select(RUNBOOK.ARCHIVED_AT)
        .from(RUNBOOK)
        .where(RUNBOOK.NAME.eq(name))
        .fetchOptional(r -> r.value1() != null)
        .orElseThrow(() -> new NotFoundException("runbook", name));
  }

  public Optional<RunbookVersion> latest(String name) {
    return db.selectFrom(RUNBOOK_VERSION)
        .where(RUNBOOK_VERSION.RUNBOOK.eq(name))
        .orderBy(RUNBOOK_VERSION.VERSION.desc())
        .limit(1)
        .fetchOptional(RunbookRepository::map);
  }

  public Optional<RunbookVersion> version(String name, int version) {
    return db.selectFrom(RUNBOOK_VERSION)
        .where(RUNBOOK_VERSION.RUNBOOK.eq(name), RUNBOOK_VERSION.VERSION.eq(version))
        .fetchOptional(RunbookRepository::map);
  }

  /** The newest first. */
  public List<RunbookVersion> versions(String name) {
    return db.selectFrom(RUNBOOK_VERSION)
        .where(RUNBOOK_VERSION.RUNBOOK.eq(name))
        .orderBy(RUNBOOK_VERSION.VERSION.desc())
        .fetch(RunbookRepository::map);
  }

  /** Every version of every runbook not archived: what the operation catalog offers. */
  public List<RunbookVersion> live() {
    return db.select(RUNBOOK_VERSION.fields())
        .from(RUNBOOK_VERSION)
        .join(RUNBOOK)
        .on(RUNBOOK.NAME.eq(RUNBOOK_VERSION.RUNBOOK))
        .where(RUNBOOK.ARCHIVED_AT.isNull())
        .orderBy(RUNBOOK_VERSION.RUNBOOK, RUNBOOK_VERSION.VERSION)
        .fetch(r -> map(r.into(RUNBOOK_VERSION)));
  }

  public List<RunbookSummary> list() {
    var v = RUNBOOK_VERSION;
    var latest =
        DSL.select(v.RUNBOOK, DSL.max(v.VERSION).as("latest"))
            .from(v)
            .groupBy(v.RUNBOOK)
            .asTable("l");
    return db.select(
            RUNBOOK.NAME, v.TITLE, v.VERSION, v.CREATED_BY, v.CREATED_AT, RUNBOOK.ARCHIVED_AT)
        .from(RUNBOOK)
        .join(latest)
        .on(latest.field(v.RUNBOOK).eq(RUNBOOK.NAME))
        .join(v)
        .on(v.RUNBOOK.eq(RUNBOOK.NAME), v.VERSION.eq(latest.field("latest", Integer.class)))
        .orderBy(RUNBOOK.NAME)
        .fetch(
            r ->
                new RunbookSummary(
                    r.value1(),
                    r.value2(),
                    r.value3(),
                    r.value4(),
                    r.value5(),
                    r.value6() != null));
  }

  private static RunbookVersion map(RunbookVersionRecord r) {
    return new RunbookVersion(
        r.getRunbook(),
        r.getVersion(),
        r.getTitle(),
        r.getSource(),
        r.getDefinition().data(),
        r.getReason(),
        r.getCreatedBy(),
        r.getCreatedAt());
  }
}
