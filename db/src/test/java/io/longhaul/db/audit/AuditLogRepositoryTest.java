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

  @BeforeEach
  void setUp() {
    db = TestDatabase.dsl();
    audit = new AuditLogRepository(db);
  }

  @Test
  @DisplayName("chains each entry to its predecessor, and the chain verifies")
  void chain() {
    AuditEntry first = audit.append("alice", "run.start", "run-1", "{\"reason\":\"ticket 1\"}");
    AuditEntry second = audit.append("bob", "run.cancel", "run-1", null);
    assertThat(first.prevHash()).isEqualTo(AuditLogRepository.GENESIS);
    assertThat(second.prevHash()).isEqualTo(first.hash());
    assertThat(audit.firstBrokenLink()).isEmpty();
    assertThat(audit.list(null, 10))
        .extracting(AuditEntry::action)
        .containsExactly("run.cancel", "run.start");
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
    assertThat(audit.firstBrokenLink()).contains(victim.id());
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
