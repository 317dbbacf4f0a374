package io.longhaul.db.audit;

import static io.longhaul.db.jooq.Tables.AUDIT_LOG;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record3;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends to the hash-chained audit log and walks the chain. Each entry's hash is an HMAC ({@link
 * AuditKey}, a key PostgreSQL never holds) over its content and its predecessor's hash, computed
 * here, so even a superuser cannot rewrite a row, recompute the chain and have it verify. Rows
 * written before the keyed chain carry the unkeyed SHA-256 of the database's {@code audit_hash()};
 * they are accepted only as the chain's leading rows, and counted. Appends are serialised by a
 * transaction-scoped advisory lock (in a jOOQ transaction, which joins a surrounding Spring one) so
 * two writers never chain onto the same predecessor.
 */
@Repository
public class AuditLogRepository {
  static final String GENESIS = "genesis";
  private static final String VERSION = "longhaul-audit-v2";
  private static final long LOCK_KEY = 0x4c48_4155_4449_5400L; // "LHAUDIT\0"

  /** The stored time as text, formatted by the database both when appending and when walking. */
  private static final String AT_TEXT =
      "to_char({0} at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US')";

  private final DSLContext db;
  private final AuditKey key;
  private final Semaphore appenders = new Semaphore(1, true);

  public AuditLogRepository(DSLContext db, AuditKey key) {
    this.db = db;
    this.key = key;
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

  /**
   * Three round trips: take the lock; read the predecessor (a statement after the lock, so its
   * snapshot sees the previous holder's row), the time and the detail as the database will store
   * them; insert.
   */
  private AuditEntry append(
      DSLContext db, String actor, String action, String target, String detailJson) {
    db.execute("select pg_advisory_xact_lock(?)", LOCK_KEY);
    // now() is the transaction's start time: the stored time and the hashed one are the same.
    Field<OffsetDateTime> now = field("now()", OffsetDateTime.class);
    Field<String> detailText =
        field("{0}::jsonb::text", String.class, val(detailJson == null ? "{}" : detailJson));
    Record3<String, String, String> head =
        db.select(
                coalesce(
                    field(
                        select(AUDIT_LOG.HASH)
                            .from(AUDIT_LOG)
                            .orderBy(AUDIT_LOG.ID.desc())
                            .limit(1)),
                    inline(GENESIS)),
                field(AT_TEXT, String.class, now),
                detailText)
            .fetchSingle();
    String prev = head.value1();
    String hash = key.mac(VERSION, prev, head.value2(), actor, action, target, head.value3());
    return db.insertInto(AUDIT_LOG)
        .set(AUDIT_LOG.AT, now)
        .set(AUDIT_LOG.ACTOR, actor)
        .set(AUDIT_LOG.ACTION, action)
        .set(AUDIT_LOG.TARGET, target)
        .set(AUDIT_LOG.DETAIL, JSONB.valueOf(head.value3()))
        .set(AUDIT_LOG.PREV_HASH, prev)
        .set(AUDIT_LOG.HASH, hash)
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

  /** Every entry up to {@code headId}, oldest first. */
  public List<AuditEntry> listUpTo(long headId) {
    return db.selectFrom(AUDIT_LOG)
        .where(AUDIT_LOG.ID.le(headId))
        .orderBy(AUDIT_LOG.ID)
        .fetch(AuditLogRepository::map);
  }

  /** Walks the whole chain from its genesis. */
  public ChainCheck verify() {
    return verifyAfter(0, GENESIS);
  }

  /**
   * Walks the entries after {@code id}, whose hash is {@code hash} (0 and the genesis: all). Rows
   * are streamed, not loaded at once; the unkeyed hash of older rows is recomputed here too, never
   * by a database function an attacker could redefine.
   */
  public ChainCheck verifyAfter(long id, String hash) {
    Field<String> atText = field(AT_TEXT, String.class, AUDIT_LOG.AT);
    Field<String> detailText = field("{0}::text", String.class, AUDIT_LOG.DETAIL);
    return db.transactionResult(
        tx -> {
          long rows = 0;
          long legacy = 0;
          boolean legacyAllowed = id == 0;
          Long broken = null;
          Long headId = null;
          String expectedPrev = hash;
          try (var cursor =
              tx.dsl()
                  .select(
                      AUDIT_LOG.ID,
                      AUDIT_LOG.PREV_HASH,
                      AUDIT_LOG.HASH,
                      atText,
                      AUDIT_LOG.ACTOR,
                      AUDIT_LOG.ACTION,
                      AUDIT_LOG.TARGET,
                      detailText)
                  .from(AUDIT_LOG)
                  .where(AUDIT_LOG.ID.gt(id))
                  .orderBy(AUDIT_LOG.ID)
                  .fetchSize(1000)
                  .fetchLazy()) {
            for (var r : cursor) {
              rows++;
              headId = r.value1();
              String prev = r.value2();
              String stored = r.value3();
              String[] content = {r.value4(), r.value5(), r.value6(), r.value7(), r.value8()};
              boolean keyed =
                  AuditKey.same(
                      stored,
                      key.mac(
                          VERSION,
                          prev,
                          content[0],
                          content[1],
                          content[2],
                          content[3],
                          content[4]));
              boolean older = !keyed && legacyAllowed && stored.equals(unkeyed(prev, content));
              if (keyed) {
                legacyAllowed = false;
              } else if (older) {
                legacy++;
              }
              if (broken == null && (!prev.equals(expectedPrev) || !(keyed || older))) {
                broken = headId;
              }
              expectedPrev = stored;
            }
          }
          return new ChainCheck(rows, headId, headId == null ? null : expectedPrev, broken, legacy);
        });
  }

  /** Who the application connects as, and whether that role could disable the audit triggers. */
  public record DatabaseRole(String user, boolean superuser, boolean ownsAuditLog) {}

  public DatabaseRole databaseRole() {
    return db.fetchSingle(
            "select current_user::text, r.rolsuper, pg_has_role(current_user, c.relowner, 'USAGE')"
                + " from pg_roles r, pg_class c"
                + " where r.rolname = current_user and c.oid = 'audit_log'::regclass")
        .map(
            r ->
                new DatabaseRole(
                    r.get(0, String.class), r.get(1, Boolean.class), r.get(2, Boolean.class)));
  }

  /**
   * The database's name and oid, as a file name: a database recreated under the same name is
   * another chain.
   */
  public String databaseIdentity() {
    String id =
        db.fetchSingle(
                "select current_database() || '-' || oid from pg_database"
                    + " where datname = current_database()")
            .get(0, String.class);
    return id.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /** The stored hash of one entry, if it exists. */
  public Optional<String> hashOf(long id) {
    return db.select(AUDIT_LOG.HASH)
        .from(AUDIT_LOG)
        .where(AUDIT_LOG.ID.eq(id))
        .fetchOptional(AUDIT_LOG.HASH);
  }

  /** V1's {@code audit_hash()}: SHA-256 of the fields joined by '|', target '' when null. */
  private static String unkeyed(String prev, String[] c) {
    String text = String.join("|", prev, c[0], c[1], c[2], c[3] == null ? "" : c[3], c[4]);
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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
