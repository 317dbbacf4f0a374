package io.longhaul.db.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.db.run.Run;
import io.longhaul.db.run.RunRepository;
import io.longhaul.db.testing.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StepLedgerRepositoryTest {
  DSLContext db;
  RunRepository runs;
  StepLedgerRepository ledger;

  @BeforeEach
  void setUp() {
    db = TestDatabase.dsl();
    runs = new RunRepository(db);
    ledger = new StepLedgerRepository(db);
    runs.insertPending(new Run.NewRun("run-1", "op", "{}", null, "alice", "t", null, null));
    runs.insertPending(
        new Run.NewRun("run-2", "op", "{}", null, "alice", "t", null, "run-1", "run-1"));
  }

  @Test
  @DisplayName("a re-run shares its original's change id and finds its completed steps")
  void sharedChange() {
    assertThat(runs.get("run-1").changeId()).isEqualTo("run-1");
    assertThat(runs.get("run-2").changeId()).isEqualTo("run-1");
    ledger.complete("run-1", "allocate-ip", "net-a", "run-1", "\"10.0.0.7\"");
    ledger.complete("run-1", "define-vm", null, "run-1", null);
    var done = ledger.completed(runs.get("run-2").changeId());
    assertThat(done)
        .containsEntry(new StepLedgerRepository.StepKey("allocate-ip", "net-a"), "\"10.0.0.7\"")
        .containsKey(new StepLedgerRepository.StepKey("define-vm", ""));
  }

  @Test
  @DisplayName("a completion recorded twice keeps the first result")
  void once() {
    ledger.complete("run-1", "allocate-ip", "net-a", "run-1", "\"10.0.0.7\"");
    ledger.complete("run-1", "allocate-ip", "net-a", "run-2", "\"10.0.0.8\"");
    assertThat(ledger.completed("run-1").values()).containsExactly("\"10.0.0.7\"");
  }

  @Test
  @DisplayName("a withdrawn completion is gone for re-runs of the change, and only that one")
  void withdrawn() {
    ledger.complete("run-1", "allocate-ip", "net-a", "run-1", "\"10.0.0.7\"");
    ledger.complete("run-1", "define-vm", null, "run-1", null);
    ledger.withdraw("run-1", "define-vm", null);
    ledger.withdraw("run-1", "define-vm", null);
    assertThat(ledger.completed("run-1"))
        .containsOnlyKeys(new StepLedgerRepository.StepKey("allocate-ip", "net-a"));
  }
}
