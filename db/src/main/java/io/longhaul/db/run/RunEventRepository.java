package io.longhaul.db.run;

import static io.longhaul.db.jooq.Tables.RUN_EVENT;

import io.longhaul.db.jooq.tables.records.RunEventRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
public class RunEventRepository {
  private final DSLContext db;

  public RunEventRepository(DSLContext db) {
    this.db = db;
  }

  /** Records an event once: a retried recording activity finds its (run, seq) taken. */
  public void append(RunEvent e) {
    db.insertInto(RUN_EVENT)
        .set(RUN_EVENT.RUN_ID, e.runId())
        .set(RUN_EVENT.SEQ, e.seq())
        .set(RUN_EVENT.STEP, e.step())
        .set(RUN_EVENT.TARGET, e.target())
        .set(RUN_EVENT.KIND, e.kind())
        .set(RUN_EVENT.ATTEMPT, e.attempt())
        .set(RUN_EVENT.ERROR_TYPE, e.errorType())
        .set(RUN_EVENT.ERROR_MESSAGE, e.errorMessage())
        .set(RUN_EVENT.DETAIL, e.detail() == null ? null : JSONB.valueOf(e.detail()))
        .set(
            RUN_EVENT.OCCURRED_AT,
            e.occurredAt() == null ? java.time.OffsetDateTime.now() : e.occurredAt())
        .onConflictDoNothing()
        .execute();
  }

  /** The first event number the run has not used. */
  public int nextSeq(String runId) {
    Integer max =
        db.select(DSL.max(RUN_EVENT.SEQ))
            .from(RUN_EVENT)
            .where(RUN_EVENT.RUN_ID.eq(runId))
            .fetchOne(0, Integer.class);
    return max == null ? 0 : max + 1;
  }

  /** The run's newest event, if it has any. */
  public Optional<RunEvent> last(String runId) {
    return db.selectFrom(RUN_EVENT)
        .where(RUN_EVENT.RUN_ID.eq(runId))
        .orderBy(RUN_EVENT.SEQ.desc())
        .limit(1)
        .fetchOptional(RunEventRepository::map);
  }

  public List<RunEvent> list(String runId) {
    return db.selectFrom(RUN_EVENT)
        .where(RUN_EVENT.RUN_ID.eq(runId))
        .orderBy(RUN_EVENT.SEQ)
        .fetch(RunEventRepository::map);
  }

  private static RunEvent map(RunEventRecord r) {
    return new RunEvent(
        r.getRunId(),
        r.getSeq(),
        r.getStep(),
        r.getTarget(),
        r.getKind(),
        r.getAttempt(),
        r.getErrorType(),
        r.getErrorMessage(),
        r.getDetail() == null ? null : r.getDetail().data(),
        r.getOccurredAt());
  }
}
