package io.longhaul.db.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longhaul.contracts.vocabulary.RunStatus;
import io.longhaul.db.run.Run;
import io.longhaul.db.run.RunRepository;
import io.longhaul.db.testing.TestDatabase;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LeaseRepositoryTest {
  static final List<String> LIVE = RunStatus.LIVE.stream().map(RunStatus::value).toList();
  DSLContext db;
  RunRepository runs;
  LeaseRepository leases;

  @BeforeEach
  void setUp() {
    db = TestDatabase.dsl();
    runs = new RunRepository(db);
    leases = new LeaseRepository(db);
    for (String id : List.of("run-a", "run-b", "run-c")) {
      runs.insertPending(
          new Run.NewRun(id, "instance-spawn", "{}", "sha", "alice", "test", null, null));
    }
  }

  @Test
  @DisplayName("grants all names or none, and queues a refused run")
  void allOrNone() {
    assertThat(leases.acquire("run-a", List.of("switch:leaf1"), true).granted()).isTrue();
    var refused = leases.acquire("run-b", List.of("switch:leaf1", "switch:leaf2"), true);
    assertThat(refused.granted()).isFalse();
    assertThat(refused.heldBy()).containsExactly("run-a");
    assertThat(leases.list("switch:leaf2").getFirst().holderRun()).isNull();
    assertThat(leases.list("switch:leaf1").getFirst().waiters())
        .extracting(Lease.Waiter::runId)
        .containsExactly("run-b");
  }

  @Test
  @DisplayName("hands a released name to the first in line, not to a later asker")
  void inOrder() {
    leases.acquire("run-a", List.of("switch:leaf1"), true);
    leases.acquire("run-b", List.of("switch:leaf1"), true);
    assertThat(leases.release("run-a", null)).containsExactly("run-b");
    assertThat(leases.acquire("run-c", List.of("switch:leaf1"), false).heldBy())
        .containsExactly("run-b");
    assertThat(leases.acquire("run-b", List.of("switch:leaf1"), true).granted()).isTrue();
    assertThat(leases.list("switch:leaf1").getFirst().waiters()).isEmpty();
  }

  @Test
  @DisplayName(
      "a holder asking again (resumed after a restart) keeps its lease though others queue behind")
  void holderAsksAgain() {
    leases.acquire("run-a", List.of("switch:leaf1"), true);
    leases.acquire("run-b", List.of("switch:leaf1"), true);
    var again = leases.acquire("run-a", List.of("switch:leaf1"), true);
    assertThat(again.granted()).as(again.toString()).isTrue();
    assertThat(leases.acquire("run-b", List.of("switch:leaf1"), true).heldBy())
        .containsExactly("run-a");
    var lease = leases.list("switch:leaf1").getFirst();
    assertThat(lease.holderRun()).isEqualTo("run-a");
    assertThat(lease.waiters()).extracting(Lease.Waiter::runId).containsExactly("run-b");
    assertThat(leases.release("run-a", null)).containsExactly("run-b");
  }

  @Test
  @DisplayName("releases what ended runs hold or wait for")
  void releasesEnded() {
    leases.acquire("run-a", List.of("site:sha"), true);
    leases.acquire("run-b", List.of("site:sha"), true);
    runs.markEnded("run-a", RunStatus.TERMINATED, null, "terminated");
    assertThat(leases.releaseEnded(LIVE)).containsExactly("run-b");
    assertThat(leases.list("site:sha").getFirst().holderRun()).isNull();
  }

  @Test
  @DisplayName("refuses a name that is not kind:name")
  void badName() {
    assertThatThrownBy(() -> leases.acquire("run-a", List.of("router:x"), true))
        .isInstanceOf(DataAccessException.class);
  }
}
