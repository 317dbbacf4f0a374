package io.longhaul.db.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longhaul.db.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuditLogRepositoryTest {
  DSLContext db;
  AuditLogRepository audit;
  AuditKey sharedKey;

  @BeforeEach
  void setUp() {
    db = TestDatabase.dsl();
    sharedKey = AuditTamperTest.randomKey();
    audit = new AuditLogRepository(db, sharedKey);
  }

  @Test
  @DisplayName("chains each entry to its predecessor, and the chain verifies")
  void chain() {
    AuditEntry first = audit.append("alice", "run.start", "run-1", "{\"reason\":\"ticket 1\"}");
    AuditEntry second = audit.append("bob", "run.cancel", "run-1", null);
    assertThat(first.prevHash()).isEqualTo(AuditLogRepository.GENESIS);
    assertThat(second.prevHash()).isEqualTo(first.hash());
    assertThat(audit.verify().intact()).isTrue();
    assertThat(audit.list(null, 10))
        .extracting(AuditEntry::action)
        .containsExactly("run.cancel", "run.start");
  }

  @Test
  @DisplayName("appenders racing from two processes' repositories keep one unbroken chain")
  void concurrentAppends() throws Exception {
    // Two repositories stand for two Longhaul processes: each queues its own appenders, and the
    // database's lock orders both queues.
    var other = new AuditLogRepository(db, sharedKey);
    var threads = new java.util.ArrayList<Thread>();
    for (int t = 0; t < 8; t++) {
      var repo = t % 2 == 0 ? audit : other;
      String actor = "actor-" + t;
      threads.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    for (int i = 0; i < 10; i++) {
                      repo.append(actor, "run.start", "run-" + i, null);
                    }
                  }));
    }
    for (Thread t : threads) {
      t.join();
    }
    var entries = audit.list(null, 100);
    assertThat(entries).hasSize(80);
    assertThat(entries).extracting(AuditEntry::prevHash).doesNotHaveDuplicates();
    assertThat(audit.verify().intact()).isTrue();
  }

  @Test
  @DisplayName("refuses updates and deletes")
  void appendOnly() {
    audit.append("alice", "run.start", "run-1", null);
    assertThatThrownBy(() -> db.execute("update audit_log set actor = 'mallory'"))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> db.execute("delete from audit_log"))
        .isInstanceOf(DataAccessException.class);
  }

  @Test
  @DisplayName("a row edited behind the trigger's back is found as the first broken link")
  void tamperDetected() {
    audit.append("alice", "run.start", "run-1", null);
    AuditEntry victim = audit.append("bob", "run.approve", "run-1", "{\"reason\":\"ok\"}");
    audit.append("carol", "run.cancel", "run-1", null);
    db.execute("alter table audit_log disable trigger audit_log_no_update");
    db.execute("update audit_log set actor = 'mallory' where id = " + victim.id());
    db.execute("alter table audit_log enable trigger audit_log_no_update");
    assertThat(audit.verify().firstBrokenId()).isEqualTo(victim.id());
  }

  @Test
  @DisplayName("an application role that does not own the table may append but not update")
  void applicationRole() {
    audit.append("alice", "run.start", "run-1", null);
    String role = "lh_app_" + Long.toHexString(System.nanoTime());
    db.execute("create role " + role + " nologin");
    try {
      db.execute("grant usage on schema public to " + role);
      db.execute("grant select, insert on audit_log to " + role);
      assertThatThrownBy(
              () ->
                  db.transaction(
                      tx -> {
                        tx.dsl().execute("set local role " + role);
                        tx.dsl().execute("update audit_log set actor = 'mallory'");
                      }))
          .isInstanceOf(DataAccessException.class)
          .hasMessageContaining("permission denied");
    } finally {
      db.execute("revoke all on audit_log from " + role);
      db.execute("revoke all on schema public from " + role);
      db.execute("drop role " + role);
    }
  }
}
