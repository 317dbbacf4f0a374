package io.longhaul.db.window;

import static io.longhaul.db.jooq.Tables.MAINTENANCE_WINDOW;

import io.longhaul.db.NotFoundException;
import io.longhaul.db.jooq.tables.records.MaintenanceWindowRecord;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
public class WindowRepository {
  private final DSLContext db;

  public WindowRepository(DSLContext db) {
    this.db = db;
  }

  public MaintenanceWindow create(MaintenanceWindow.Draft d, String createdBy) {
    return db.insertInto(MAINTENANCE_WINDOW)
        .set(MAINTENANCE_WINDOW.NAME, d.name())
        .set(MAINTENANCE_WINDOW.DESCRIPTION, d.description())
        .set(MAINTENANCE_WINDOW.SCOPES, d.scopes().toArray(String[]::new))
        .set(MAINTENANCE_WINDOW.RRULE, d.rrule())
        .set(MAINTENANCE_WINDOW.CRON, d.cron())
        .set(MAINTENANCE_WINDOW.DURATION_MINUTES, d.durationMinutes())
        .set(MAINTENANCE_WINDOW.ZONE, d.zone())
        .set(MAINTENANCE_WINDOW.ANCHOR, d.anchor())
        .set(MAINTENANCE_WINDOW.EXCEPTION_DATES, d.exceptionDates().toArray(LocalDate[]::new))
        .set(MAINTENANCE_WINDOW.CREATED_BY, createdBy)
        .returning()
        .fetchSingle(WindowRepository::map);
  }

  public MaintenanceWindow replace(long id, MaintenanceWindow.Draft d) {
    return db.update(MAINTENANCE_WINDOW)
        .set(MAINTENANCE_WINDOW.NAME, d.name())
        .set(MAINTENANCE_WINDOW.DESCRIPTION, d.description())
        .set(MAINTENANCE_WINDOW.SCOPES, d.scopes().toArray(String[]::new))
        .set(MAINTENANCE_WINDOW.RRULE, d.rrule())
        .set(MAINTENANCE_WINDOW.CRON, d.cron())
        .set(MAINTENANCE_WINDOW.DURATION_MINUTES, d.durationMinutes())
        .set(MAINTENANCE_WINDOW.ZONE, d.zone())
        .set(MAINTENANCE_WINDOW.ANCHOR, d.anchor())
        .set(MAINTENANCE_WINDOW.EXCEPTION_DATES, d.exceptionDates().toArray(LocalDate[]::new))
        .set(MAINTENANCE_WINDOW.UPDATED_AT, DSL.currentOffsetDateTime())
        .where(MAINTENANCE_WINDOW.ID.eq(id))
        .returning()
        .fetchOptional(WindowRepository::map)
        .orElseThrow(() -> new NotFoundException("window", id));
  }

  public Optional<MaintenanceWindow> find(long id) {
    return db.selectFrom(MAINTENANCE_WINDOW)
        .where(MAINTENANCE_WINDOW.ID.eq(id))
        .fetchOptional(WindowRepository::map);
  }

  public MaintenanceWindow get(long id) {
    return find(id).orElseThrow(() -> new NotFoundException("window", id));
  }

  public List<MaintenanceWindow> list() {
    return db.selectFrom(MAINTENANCE_WINDOW)
        .orderBy(MAINTENANCE_WINDOW.NAME)
        .fetch(WindowRepository::map);
  }

  /** Windows with any of these scopes. */
  public List<MaintenanceWindow> covering(List<String> scopes) {
    return db.selectFrom(MAINTENANCE_WINDOW)
        .where(
            DSL.condition(
                "{0} && cast({1} as text[])",
                MAINTENANCE_WINDOW.SCOPES, DSL.val(scopes.toArray(String[]::new))))
        .orderBy(MAINTENANCE_WINDOW.ID)
        .fetch(WindowRepository::map);
  }

  public boolean delete(long id) {
    return db.deleteFrom(MAINTENANCE_WINDOW).where(MAINTENANCE_WINDOW.ID.eq(id)).execute() > 0;
  }

  static MaintenanceWindow map(MaintenanceWindowRecord r) {
    return new MaintenanceWindow(
        r.getId(),
        r.getName(),
        r.getDescription(),
        Arrays.asList(r.getScopes()),
        r.getRrule(),
        r.getCron(),
        r.getDurationMinutes(),
        r.getZone(),
        r.getAnchor(),
        Arrays.asList(r.getExceptionDates()),
        r.getCreatedBy(),
        r.getCreatedAt(),
        r.getUpdatedAt());
  }
}
