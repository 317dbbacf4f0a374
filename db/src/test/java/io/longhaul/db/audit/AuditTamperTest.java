package io.longhaul.db.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longhaul.db.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a PostgreSQL superuser can do to the audit log, and that {@link AuditAnchor#verify} sees
 * each of it. Every case runs against a checkpointed chain of five entries, as the API's periodic
 * checkpoint leaves it.
 */
class AuditTamperTest {
  @TempDir Path home;
  DSLContext db;
  AuditLogRepository chain;
  AuditAnchor anchor;
  List<AuditEntry> entries = new ArrayList<>();

  static AuditKey randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new AuditKey(key);
  }

  @BeforeEach
  void fiveCheckpointedEntries() {
    db = TestDatabase.dsl();
    AuditKey key = randomKey();
    chain = new AuditLogRepository(db, key);
    anchor = new AuditAnchor(chain, key, home.resolve("audit-checkpoint"));
    for (int i = 1; i <= 5; i++) {
      entries.add(chain.append("user" + i, "run.start", "run:" + i, "{\"reason\":\"r" + i + "\"}"));
    }
    assertThat(anchor.checkpoint()).isPresent();
    assertThat(anchor.verify().intact()).isTrue();
  }

  @Test
  @DisplayName("the checkpoint file is readable by its owner only, and signed")
  void checkpointFile() throws Exception {
    Path file = home.resolve("audit-checkpoint");
    assertThat(Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    Files.writeString(file, Files.readString(file).replaceFirst("rows=5", "rows=4"));
    assertThat(anchor.verify().problems()).anyMatch(p -> p.contains("signature"));
  }

  @Test
  @DisplayName("an edited entry is found")
  void edit() {
    behindTheTriggers("update audit_log set actor = 'mallory' where id = " + id(2));
    var v = anchor.verify();
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBrokenId()).isEqualTo(id(2));
  }

  @Test
  @DisplayName("a deleted middle entry is found")
  void deleteMiddle() {
    behindTheTriggers("delete from audit_log where id = " + id(2));
    var v = anchor.verify();
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBrokenId()).isEqualTo(id(3));
  }

  @Test
  @DisplayName("a deleted tail is found by the checkpoint, which the chain alone cannot see")
  void deleteTail() {
    behindTheTriggers("delete from audit_log where id >= " + id(4));
    assertThat(chain.verify().intact()).isTrue();
    var v = anchor.verify();
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBrokenId()).isEqualTo(id(5));
    assertThat(v.problems()).anyMatch(p -> p.contains("gone"));
    // The evidence stays: no new checkpoint is written over it.
    assertThat(anchor.checkpoint()).isEmpty();
    assertThat(anchor.verify().intact()).isFalse();
  }

  @Test
  @DisplayName("TRUNCATE is refused by a statement trigger, and found when the trigger is disabled")
  void truncate() {
    assertThatThrownBy(() -> db.execute("truncate audit_log"))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    db.execute("alter table audit_log disable trigger audit_log_no_truncate");
    db.execute("truncate audit_log");
    db.execute("alter table audit_log enable trigger audit_log_no_truncate");
    var v = anchor.verify();
    assertThat(v.rows()).isZero();
    assertThat(v.intact()).isFalse();
    assertThat(v.problems()).anyMatch(p -> p.contains("gone"));
  }

  @Test
  @DisplayName("an entry rewritten with the chain recomputed by the database's audit_hash is found")
  void recomputeFromTheEditedRow() {
    behindTheTriggers(
        "update audit_log set actor = 'mallory' where id = " + id(3), recomputeFrom(id(3)));
    var v = anchor.verify();
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBrokenId()).isEqualTo(id(3));
  }

  @Test
  @DisplayName("the whole chain recomputed with audit_hash from its genesis is found")
  void recomputeEverything() {
    behindTheTriggers(
        "update audit_log set actor = 'mallory' where id = " + id(3), recomputeFrom(id(1)));
    // Every row now carries a valid unkeyed hash, as rows of older versions do...
    assertThat(chain.verify().intact()).isTrue();
    assertThat(chain.verify().legacyRows()).isEqualTo(5);
    // ...but the checkpoint signed a keyed head and no unkeyed rows.
    var v = anchor.verify();
    assertThat(v.intact()).isFalse();
    assertThat(v.problems()).anyMatch(p -> p.contains("recomputed"));
  }

  @Test
  @DisplayName("new entries extend the checkpoint, and verify says who the application runs as")
  void extend() {
    chain.append("user6", "run.start", "run:6", null);
    assertThat(anchor.verify().intact()).isTrue();
    var k = anchor.checkpoint().orElseThrow();
    assertThat(k.rows()).isEqualTo(6);
    assertThat(anchor.verify().databaseRole().superuser()).isTrue();
    assertThat(anchor.verify().notes()).anyMatch(n -> n.contains("superuser"));
  }

  @Test
  @DisplayName("a checkpoint of the empty log (the first start) holds, and later entries extend it")
  void emptyLogCheckpoint() {
    DSLContext fresh = TestDatabase.dsl();
    AuditKey key = randomKey();
    var log = new AuditLogRepository(fresh, key);
    var first = new AuditAnchor(log, key, home.resolve("fresh-checkpoint"));
    assertThat(first.checkpoint().orElseThrow().headId()).isZero();
    assertThat(first.verify().intact()).isTrue();
    log.append("alice", "run.start", "run:1", null);
    assertThat(first.verify().intact()).isTrue();
    assertThat(first.checkpoint().orElseThrow().rows()).isEqualTo(1);
  }

  private long id(int n) {
    return entries.get(n - 1).id();
  }

  private void behindTheTriggers(String... statements) {
    db.execute("alter table audit_log disable trigger audit_log_no_update");
    try {
      for (String s : statements) {
        db.execute(s);
      }
    } finally {
      db.execute("alter table audit_log enable trigger audit_log_no_update");
    }
  }

  /** What an attacker would run: re-link and re-hash every row from {@code id} with audit_hash. */
  private static String recomputeFrom(long id) {
    return """
        do $$
        declare r record; prev text;
        begin
          select hash into prev from audit_log where id < %d order by id desc limit 1;
          prev := coalesce(prev, 'genesis');
          for r in select * from audit_log where id >= %d order by id loop
            update audit_log set prev_hash = prev,
                hash = audit_hash(prev, r.at, r.actor, r.action, r.target, r.detail)
              where id = r.id;
            select hash into prev from audit_log where id = r.id;
          end loop;
        end $$
        """
        .formatted(id, id);
  }
}
