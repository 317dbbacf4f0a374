package io.longhaul.db.run;

import static io.longhaul.db.jooq.Tables.RUN;
import static org.jooq.impl.DSL.row;

import io.longhaul.contracts.vocabulary.RunStatus;
import io.longhaul.db.NotFoundException;
import io.longhaul.db.Page;
import io.longhaul.db.jooq.tables.records.RunRecord;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
public class RunRepository {
  private final DSLContext db;

  public RunRepository(DSLContext db) {
    this.db = db;
  }

  /**
   * Inserts a pending run, or returns the run already recorded under the same requester and
   * idempotency key (a double submit). The boolean says whether this call created it.
   */
  public Created insertPending(Run.NewRun run) {
    Optional<Run> inserted =
        db.insertInto(RUN)
            .set(RUN.ID, run.id())
            .set(RUN.OPERATION, run.operation())
            .set(RUN.PARAMS, JSONB.valueOf(run.params()))
            .set(RUN.SITE_CODE, run.siteCode())
            .set(RUN.REQUESTED_BY, run.requestedBy())
            .set(RUN.REASON, run.reason())
            .set(RUN.IDEMPOTENCY_KEY, run.idempotencyKey())
            .set(RUN.STATUS, RunStatus.PENDING.value())
            .set(RUN.RERUN_OF, run.rerunOf())
            .set(RUN.CHANGE_ID, run.changeId())
            .set(RUN.VIA_SCHEDULE, run.viaSchedule())
            .set(RUN.RERUN_BY, run.rerunBy())
            .onConflict(RUN.REQUESTED_BY, RUN.IDEMPOTENCY_KEY)
            .doNothing()
            .returning()
            .fetchOptional()
            .map(RunRepository::map);
    if (inserted.isPresent()) {
      return new Created(inserted.get(), true);
    }
    Run existing =
        db.selectFrom(RUN)
            .where(RUN.REQUESTED_BY.eq(run.requestedBy()))
            .and(RUN.IDEMPOTENCY_KEY.eq(run.idempotencyKey()))
            .fetchSingle(RunRepository::map);
    return new Created(existing, false);
  }

  public record Created(Run run, boolean created) {}

  public Optional<Run> find(String id) {
    return db.selectFrom(RUN).where(RUN.ID.eq(id)).fetchOptional(RunRepository::map);
  }

  public Run get(String id) {
    return find(id).orElseThrow(() -> new NotFoundException("run", id));
  }

  /** pending → running; a no-op for a run already running or ended. True when it moved. */
  public boolean markRunning(String id) {
    return db.update(RUN)
            .set(RUN.STATUS, RunStatus.RUNNING.value())
            .set(RUN.STARTED_AT, OffsetDateTime.now())
            .set(RUN.UPDATED_AT, OffsetDateTime.now())
            .where(RUN.ID.eq(id))
            .and(RUN.STATUS.eq(RunStatus.PENDING.value()))
            .execute()
        > 0;
  }

  /**
   * Mirrors a live run's status (running, needs attention, awaiting approval, waiting), pending
   * decisions and progress. A no-op once the run has ended: a late mirror never revives it.
   */
  public void mirror(String id, RunStatus status, String pendingJson, String progressJson) {
    if (status.ended() || status == RunStatus.PENDING) {
      throw new IllegalArgumentException(status + " is not a live status a workflow mirrors");
    }
    OffsetDateTime now = OffsetDateTime.now();
    db.update(RUN)
        .set(RUN.STATUS, status.value())
        .set(RUN.PENDING, JSONB.valueOf(pendingJson == null ? "[]" : pendingJson))
        .set(
            RUN.PROGRESS,
            progressJson == null ? RUN.PROGRESS : DSL.val(JSONB.valueOf(progressJson)))
        .set(RUN.STARTED_AT, DSL.coalesce(RUN.STARTED_AT, now))
        .set(RUN.UPDATED_AT, now)
        .where(RUN.ID.eq(id))
        .and(RUN.STATUS.in(RunStatus.liveValues()))
        .execute();
  }

  /** Records the latest progress of a live run. */
  public void progress(String id, String progressJson) {
    db.update(RUN)
        .set(RUN.PROGRESS, JSONB.valueOf(progressJson))
        .where(RUN.ID.eq(id))
        .and(RUN.STATUS.in(RunStatus.liveValues()))
        .execute();
  }

  /** Live runs of one change: a re-run must not overlap another run of the same change. */
  /**
   * Everyone accountable for a change: the requesters and re-runners of all its runs, sorted (so a
   * workflow that records the list records the same one on a retried read).
   */
  /** The changes of every run of {@code operation} whose params name {@code name}. */
  public List<String> changesNaming(String operation, String name) {
    return db.selectDistinct(RUN.CHANGE_ID)
        .from(RUN)
        .where(RUN.OPERATION.eq(operation))
        .and(org.jooq.impl.DSL.field("{0} ->> 'name'", String.class, RUN.PARAMS).eq(name))
        .orderBy(RUN.CHANGE_ID)
        .fetch(RUN.CHANGE_ID);
  }

  public List<String> requestersOfChange(String changeId) {
    var names = new java.util.TreeSet<String>();
    db.select(RUN.REQUESTED_BY, RUN.RERUN_BY)
        .from(RUN)
        .where(RUN.CHANGE_ID.eq(changeId))
        .forEach(
            r -> {
              names.add(r.value1());
              if (r.value2() != null) names.add(r.value2());
            });
    return List.copyOf(names);
  }

  public List<Run> liveOfChange(String changeId) {
    return db.selectFrom(RUN)
        .where(RUN.CHANGE_ID.eq(changeId))
        .and(RUN.STATUS.in(RunStatus.liveValues()))
        .fetch(RunRepository::map);
  }

  /**
   * Records how a run ended. The first report wins: a workflow's own report and the reconciler's
   * can race, and an ended run never changes status again.
   */
  public boolean markEnded(String id, RunStatus status, String errorType, String errorMessage) {
    return markEnded(id, status, errorType, errorMessage, null);
  }

  /** As {@link #markEnded(String, RunStatus, String, String)}, keeping what the run returned. */
  public boolean markEnded(
      String id, RunStatus status, String errorType, String errorMessage, String resultJson) {
    if (!status.ended()) {
      throw new IllegalArgumentException(status + " is not an ending status");
    }
    OffsetDateTime now = OffsetDateTime.now();
    return db.update(RUN)
            .set(RUN.STATUS, status.value())
            .set(RUN.ERROR_TYPE, errorType)
            .set(RUN.ERROR_MESSAGE, errorMessage)
            .set(RUN.STARTED_AT, DSL.coalesce(RUN.STARTED_AT, now))
            .set(RUN.ENDED_AT, now)
            .set(RUN.UPDATED_AT, now)
            .set(RUN.PENDING, JSONB.valueOf("[]"))
            .set(RUN.RESULT, resultJson == null ? null : JSONB.valueOf(resultJson))
            .where(RUN.ID.eq(id))
            .and(RUN.STATUS.in(RunStatus.liveValues()))
            .execute()
        > 0;
  }

  /** Live runs (pending, running, parked) that were last touched before {@code before}. */
  public List<Run> listUnfinishedSince(OffsetDateTime before, int limit) {
    return db.selectFrom(RUN)
        .where(RUN.STATUS.in(RunStatus.liveValues()))
        .and(RUN.UPDATED_AT.lt(before))
        .orderBy(RUN.UPDATED_AT)
        .limit(limit)
        .fetch(RunRepository::map);
  }

  /** Marks a run as looked at, so the reconciler moves on to others. */
  public void touch(String id) {
    db.update(RUN).set(RUN.UPDATED_AT, OffsetDateTime.now()).where(RUN.ID.eq(id)).execute();
  }

  /** Newest first, keyset-paginated on (created_at, id) so deep pages cost what the first does. */
  public Page<Run> list(RunFilter filter, String cursor, int limit) {
    List<Condition> where = new ArrayList<>();
    if (filter.status() != null) where.add(RUN.STATUS.eq(filter.status().value()));
    if (filter.operation() != null) where.add(RUN.OPERATION.eq(filter.operation()));
    if (filter.siteCode() != null) where.add(RUN.SITE_CODE.eq(filter.siteCode()));
    if (filter.requestedBy() != null) where.add(RUN.REQUESTED_BY.eq(filter.requestedBy()));
    if (filter.from() != null) where.add(RUN.CREATED_AT.ge(filter.from()));
    if (filter.to() != null) where.add(RUN.CREATED_AT.lt(filter.to()));
    if (filter.rerunOf() != null) where.add(RUN.RERUN_OF.eq(filter.rerunOf()));
    if (cursor != null) {
      RunCursor after = RunCursor.decode(cursor);
      where.add(row(RUN.CREATED_AT, RUN.ID).lt(after.createdAt(), after.id()));
    }
    List<Run> rows =
        db.selectFrom(RUN)
            .where(where)
            .orderBy(RUN.CREATED_AT.desc(), RUN.ID.desc())
            .limit(limit + 1)
            .fetch(RunRepository::map);
    if (rows.size() <= limit) {
      return new Page<>(rows, null);
    }
    Run last = rows.get(limit - 1);
    return new Page<>(rows.subList(0, limit), new RunCursor(last.createdAt(), last.id()).encode());
  }

  private static Run map(RunRecord r) {
    return new Run(
        r.getId(),
        r.getOperation(),
        r.getParams().data(),
        r.getSiteCode(),
        r.getRequestedBy(),
        r.getReason(),
        r.getIdempotencyKey(),
        RunStatus.of(r.getStatus()),
        r.getRerunOf(),
        r.getErrorType(),
        r.getErrorMessage(),
        r.getCreatedAt(),
        r.getStartedAt(),
        r.getEndedAt(),
        r.getUpdatedAt(),
        r.getChangeId(),
        r.getPending().data(),
        r.getProgress() == null ? null : r.getProgress().data(),
        r.getResult() == null ? null : r.getResult().data(),
        r.getViaSchedule(),
        r.getRerunBy());
  }
}
