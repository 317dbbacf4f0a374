package io.longhaul.db.audit;

import static io.longhaul.db.jooq.Tables.AUDIT_LOG;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends to the hash-chained audit log. Appends are serialised by a transaction-scoped advisory
 * lock (in a jOOQ transaction, which joins a surrounding Spring one) so two writers never chain
 * onto the same predecessor; the hash itself is computed by the database's {@code audit_hash} so
 * append and verify share one definition.
 */
@Repository
public class AuditLogRepository {
  static final String GENESIS = "genesis";
  private static final long LOCK_KEY = 0x4c48_4155_4449_5400L; // "LHAUDIT\0"

  private final DSLContext db;
  private final Semaphore appenders = new Semaphore(1, true);

  public AuditLogRepository(DSLContext db) {
    this.db = db;
  }

  public AuditEntry append(String actor, String action, String target, String detailJson) {
    // Appends queue on the database's lock one at a time anyway; queued here, a burst waits
    // without holding pooled connections that everything else needs. Inside a caller's transaction
    // the lock may already be held by it, so no gate there (it would deadlock against itself).
    boolean gate = !TransactionSynchronizationManager.isActualTransactionActive();
    if (gate) {
      appenders.acquireUninterruptibly();
    }
    try {
      return db.transactionResult(tx -> append(tx.dsl(), actor, action, target, detailJson));
    } finally {
      if (gate) {
        appenders.release();
      }
    }
  }

  /** Two round trips under the lock: take it, then insert with the predecessor read inline. */
  private static AuditEntry append(
      DSLContext db, String actor, String action, String target, String detailJson) {
    db.execute("select pg_advisory_xact_lock(?)", LOCK_KEY);
    Field<String> prev =
        coalesce(
            field(select(AUDIT_LOG.HASH).from(AUDIT_LOG).orderBy(AUDIT_LOG.ID.desc()).limit(1)),
            inline(GENESIS));
    // now() is the transaction's start time: the stored time and the hashed one are the same.
    Field<OffsetDateTime> at = field("now()", OffsetDateTime.class);
    JSONB detail = JSONB.valueOf(detailJson == null ? "{}" : detailJson);
    return db.insertInto(AUDIT_LOG)
        .set(AUDIT_LOG.AT, at)
        .set(AUDIT_LOG.ACTOR, actor)
        .set(AUDIT_LOG.ACTION, action)
        .set(AUDIT_LOG.TARGET, target)
        .set(AUDIT_LOG.DETAIL, detail)
        .set(AUDIT_LOG.PREV_HASH, prev)
        .set(
            AUDIT_LOG.HASH,
            hash(
                prev,
                at,
                val(actor, String.class),
                val(action, String.class),
                val(target, String.class),
                val(detail, JSONB.class)))
        .returning()
        .fetchSingle()
        .map(AuditLogRepository::map);
  }

  public List<AuditEntry> list(Long beforeId, int limit) {
    return db.selectFrom(AUDIT_LOG)
        .where(beforeId == null ? AUDIT_LOG.ID.isNotNull() : AUDIT_LOG.ID.lt(beforeId))
        .orderBy(AUDIT_LOG.ID.desc())
        .limit(limit)
        .fetch(AuditLogRepository::map);
  }

  /** The id of the first entry whose link or hash does not hold, or empty when the chain holds. */
  public Optional<Long> firstBrokenLink() {
    Field<String> expectedPrev =
        field("coalesce(lag(hash) over (order by id), {0})", String.class, inline(GENESIS));
    var chain =
        db.select(
                AUDIT_LOG.ID,
                AUDIT_LOG.PREV_HASH,
                AUDIT_LOG.HASH,
                expectedPrev.as("expected_prev"),
                hash(
                        AUDIT_LOG.PREV_HASH,
                        AUDIT_LOG.AT,
                        AUDIT_LOG.ACTOR,
                        AUDIT_LOG.ACTION,
                        AUDIT_LOG.TARGET,
                        AUDIT_LOG.DETAIL)
                    .as("expected_hash"))
            .from(AUDIT_LOG)
            .asTable("chain");
    return db.select(chain.field(AUDIT_LOG.ID))
        .from(chain)
        .where(
            chain
                .field(AUDIT_LOG.PREV_HASH)
                .ne(chain.field("expected_prev", String.class))
                .or(chain.field(AUDIT_LOG.HASH).ne(chain.field("expected_hash", String.class))))
        .orderBy(chain.field(AUDIT_LOG.ID))
        .limit(1)
        .fetchOptional(chain.field(AUDIT_LOG.ID));
  }

  private static Field<String> hash(
      Field<String> prev,
      Field<OffsetDateTime> at,
      Field<String> actor,
      Field<String> action,
      Field<String> target,
      Field<JSONB> detail) {
    return field(
        "audit_hash({0}, {1}, {2}, {3}, {4}, {5})",
        String.class, prev, at, actor, action, target, detail);
  }

  private static AuditEntry map(org.jooq.Record row) {
    var r = row.into(AUDIT_LOG);
    return new AuditEntry(
        r.getId(),
        r.getAt(),
        r.getActor(),
        r.getAction(),
        r.getTarget(),
        r.getDetail().data(),
        r.getPrevHash(),
        r.getHash());
  }
}
