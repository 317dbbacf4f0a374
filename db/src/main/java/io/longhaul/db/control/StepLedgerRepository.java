package io.longhaul.db.control;

import static io.longhaul.db.jooq.Tables.STEP_LEDGER;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.stereotype.Repository;

/**
 * Completed steps keyed by (change id, step, target). Keyed by the change, not by Temporal's run
 * id, so a re-run (a new run of the same change) finds what its original already applied.
 */
@Repository
public class StepLedgerRepository {
  private final DSLContext db;

  public StepLedgerRepository(DSLContext db) {
    this.db = db;
  }

  /** Records a completion once; a retried recording finds its key taken and changes nothing. */
  public void complete(String changeId, String step, String target, String runId, String json) {
    db.insertInto(STEP_LEDGER)
        .set(STEP_LEDGER.CHANGE_ID, changeId)
        .set(STEP_LEDGER.STEP, step)
        .set(STEP_LEDGER.TARGET, target == null ? "" : target)
        .set(STEP_LEDGER.RUN_ID, runId)
        .set(STEP_LEDGER.RESULT, json == null ? null : JSONB.valueOf(json))
        .onConflictDoNothing()
        .execute();
  }

  /** Forgets a completion whose effect was undone; idempotent. */
  public void withdraw(String changeId, String step, String target) {
    db.deleteFrom(STEP_LEDGER)
        .where(STEP_LEDGER.CHANGE_ID.eq(changeId))
        .and(STEP_LEDGER.STEP.eq(step))
        .and(STEP_LEDGER.TARGET.eq(target == null ? "" : target))
        .execute();
  }

  /** Every step completed under a change, as (step, target) → result JSON (null for none). */
  public Map<StepKey, String> completed(String changeId) {
    Map<StepKey, String> out = new LinkedHashMap<>();
    db.selectFrom(STEP_LEDGER)
        .where(STEP_LEDGER.CHANGE_ID.eq(changeId))
        .orderBy(STEP_LEDGER.COMPLETED_AT)
        .forEach(
            r ->
                out.put(
                    new StepKey(r.getStep(), r.getTarget()),
                    r.getResult() == null ? null : r.getResult().data()));
    return out;
  }

  /** A step's identity within a change; an absent target is the empty string. */
  public record StepKey(String step, String target) {}
}
