package io.longhaul.db.schedule;

import static io.longhaul.db.jooq.Tables.SCHEDULE;
import static io.longhaul.db.jooq.Tables.SCHEDULE_EVENT;

import io.longhaul.db.NotFoundException;
import io.longhaul.db.jooq.tables.records.ScheduleRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
public class ScheduleRepository {
  private final DSLContext db;

  public ScheduleRepository(DSLContext db) {
    this.db = db;
  }

  public Schedule create(Schedule.Draft d, String createdBy) {
    return db.insertInto(SCHEDULE)
        .set(SCHEDULE.NAME, d.name())
        .set(SCHEDULE.OPERATION, d.operation())
        .set(SCHEDULE.PARAMS, JSONB.valueOf(d.params()))
        .set(SCHEDULE.REASON, d.reason())
        .set(SCHEDULE.RRULE, d.rrule())
        .set(SCHEDULE.CRON, d.cron())
        .set(SCHEDULE.WINDOW_ID, d.windowId())
        .set(SCHEDULE.ZONE, d.zone())
        .set(SCHEDULE.ANCHOR, d.anchor())
        .set(SCHEDULE.OVERLAP, d.overlap())
        .set(SCHEDULE.CATCHUP_SECONDS, d.catchupSeconds())
        .set(SCHEDULE.CREATED_BY, createdBy)
        .returning()
        .fetchSingle(ScheduleRepository::map);
  }

  public Schedule replace(long id, Schedule.Draft d) {
    return db.update(SCHEDULE)
        .set(SCHEDULE.NAME, d.name())
        .set(SCHEDULE.OPERATION, d.operation())
        .set(SCHEDULE.PARAMS, JSONB.valueOf(d.params()))
        .set(SCHEDULE.REASON, d.reason())
        .set(SCHEDULE.RRULE, d.rrule())
        .set(SCHEDULE.CRON, d.cron())
        .set(SCHEDULE.WINDOW_ID, d.windowId())
        .set(SCHEDULE.ZONE, d.zone())
        .set(SCHEDULE.ANCHOR, d.anchor())
        .set(SCHEDULE.OVERLAP, d.overlap())
        .set(SCHEDULE.CATCHUP_SECONDS, d.catchupSeconds())
        .set(SCHEDULE.UPDATED_AT, DSL.currentOffsetDateTime())
        .where(SCHEDULE.ID.eq(id))
        .returning()
        .fetchOptional(ScheduleRepository::map)
        .orElseThrow(() -> new NotFoundException("schedule", id));
  }

  public Schedule setPaused(long id, boolean paused) {
    return db.update(SCHEDULE)
        .set(SCHEDULE.PAUSED, paused)
        .set(SCHEDULE.UPDATED_AT, DSL.currentOffsetDateTime())
        .where(SCHEDULE.ID.eq(id))
        .returning()
        .fetchOptional(ScheduleRepository::map)
        .orElseThrow(() -> new NotFoundException("schedule", id));
  }

  public Optional<Schedule> find(long id) {
    return db.selectFrom(SCHEDULE).where(SCHEDULE.ID.eq(id)).fetchOptional(ScheduleRepository::map);
  }

  public Schedule get(long id) {
    return find(id).orElseThrow(() -> new NotFoundException("schedule", id));
  }

  public List<Schedule> list() {
    return db.selectFrom(SCHEDULE).orderBy(SCHEDULE.NAME).fetch(ScheduleRepository::map);
  }

  public List<Schedule> usingWindow(long windowId) {
    return db.selectFrom(SCHEDULE)
        .where(SCHEDULE.WINDOW_ID.eq(windowId))
        .fetch(ScheduleRepository::map);
  }

  public boolean delete(long id) {
    return db.deleteFrom(SCHEDULE).where(SCHEDULE.ID.eq(id)).execute() > 0;
  }

  public void event(
      long scheduleId, OffsetDateTime nominalAt, String kind, String runId, String detail) {
    db.insertInto(SCHEDULE_EVENT)
        .set(SCHEDULE_EVENT.SCHEDULE_ID, scheduleId)
        .set(SCHEDULE_EVENT.NOMINAL_AT, nominalAt)
        .set(SCHEDULE_EVENT.KIND, kind)
        .set(SCHEDULE_EVENT.RUN_ID, runId)
        .set(SCHEDULE_EVENT.DETAIL, detail)
        .execute();
  }

  /** The newest events first. */
  public List<ScheduleEvent> events(long scheduleId, int limit) {
    return db.selectFrom(SCHEDULE_EVENT)
        .where(SCHEDULE_EVENT.SCHEDULE_ID.eq(scheduleId))
        .orderBy(SCHEDULE_EVENT.ID.desc())
        .limit(limit)
        .fetch(
            r ->
                new ScheduleEvent(
                    r.getId(),
                    r.getScheduleId(),
                    r.getNominalAt(),
                    r.getKind(),
                    r.getRunId(),
                    r.getDetail(),
                    r.getOccurredAt()));
  }

  static Schedule map(ScheduleRecord r) {
    return new Schedule(
        r.getId(),
        r.getName(),
        r.getOperation(),
        r.getParams().data(),
        r.getReason(),
        r.getRrule(),
        r.getCron(),
        r.getWindowId(),
        r.getZone(),
        r.getAnchor(),
        r.getOverlap(),
        r.getCatchupSeconds(),
        r.getPaused(),
        r.getCreatedBy(),
        r.getCreatedAt(),
        r.getUpdatedAt());
  }
}
