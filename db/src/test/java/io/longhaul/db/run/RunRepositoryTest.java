package io.longhaul.db.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longhaul.contracts.vocabulary.RunStatus;
import io.longhaul.db.Page;
import io.longhaul.db.testing.TestDatabase;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RunRepositoryTest {
  DSLContext db;
  RunRepository runs;
  RunEventRepository events;

  @BeforeEach
  void setUp() {
    db = TestDatabase.dsl();
    runs = new RunRepository(db);
    events = new RunEventRepository(db);
  }

  Run.NewRun newRun(String id, String key) {
    return new Run.NewRun(
        id, "instance-spawn", "{\"site\":\"sha\"}", "sha", "alice", "ticket 42", key, null);
  }

  @Nested
  @DisplayName("inserting")
  class Inserting {
    @Test
    @DisplayName("twice with one idempotency key returns the first run")
    void idempotent() {
      var first = runs.insertPending(newRun("run-1", "k1"));
      var second = runs.insertPending(newRun("run-2", "k1"));
      assertThat(first.created()).isTrue();
      assertThat(second.created()).isFalse();
      assertThat(second.run().id()).isEqualTo("run-1");
      assertThat(runs.find("run-2")).isEmpty();
    }

    @Test
    @DisplayName("without a key always creates")
    void noKey() {
      assertThat(runs.insertPending(newRun("run-1", null)).created()).isTrue();
      assertThat(runs.insertPending(newRun("run-2", null)).created()).isTrue();
    }
  }

  @Nested
  @DisplayName("status")
  class Status {
    @Test
    @DisplayName("moves pending → running → ended, and the first ending wins")
    void lifecycle() {
      runs.insertPending(newRun("run-1", null));
      runs.markRunning("run-1");
      assertThat(runs.get("run-1").status()).isEqualTo(RunStatus.RUNNING);
      assertThat(runs.markEnded("run-1", RunStatus.FAILED, "DeviceUnreachable", "leaf1 down"))
          .isTrue();
      assertThat(runs.markEnded("run-1", RunStatus.SUCCEEDED, null, null)).isFalse();
      Run run = runs.get("run-1");
      assertThat(run.status()).isEqualTo(RunStatus.FAILED);
      assertThat(run.errorType()).isEqualTo("DeviceUnreachable");
      assertThat(run.endedAt()).isNotNull();
    }

    @Test
    @DisplayName("refuses a non-ending status as an ending")
    void notAnEnding() {
      assertThatThrownBy(() -> runs.markEnded("x", RunStatus.RUNNING, null, null))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  @DisplayName("listing")
  class Listing {
    @Test
    @DisplayName("pages newest first without gaps or repeats, and filters")
    void keysetPages() {
      db.execute(
          "insert into run (id, operation, params, site_code, requested_by, reason, status, created_at)"
              + " select 'run-' || g, case when g % 2 = 0 then 'a' else 'b' end, '{}', 'sha', 'alice', 'r',"
              + " 'pending', timestamptz '2026-01-01' + (g / 3) * interval '1 minute'"
              + " from generate_series(1, 250) g");
      List<String> seen = new ArrayList<>();
      String cursor = null;
      do {
        Page<Run> page = runs.list(RunFilter.any(), cursor, 40);
        page.items().forEach(r -> seen.add(r.id()));
        cursor = page.next();
      } while (cursor != null);
      assertThat(seen).hasSize(250).doesNotHaveDuplicates();
      assertThat(seen.getFirst()).isEqualTo("run-250");

      var onlyA = new RunFilter(null, "a", null, null, null, null);
      assertThat(runs.list(onlyA, null, 500).items())
          .hasSize(125)
          .allMatch(r -> r.operation().equals("a"));
      var window =
          new RunFilter(
              null,
              null,
              null,
              null,
              OffsetDateTime.parse("2026-01-01T00:10:00Z"),
              OffsetDateTime.parse("2026-01-01T00:11:00Z"));
      assertThat(runs.list(window, null, 500).items()).hasSize(3);
    }

    @Test
    @DisplayName("refuses a forged cursor")
    void forgedCursor() {
      assertThatThrownBy(() -> runs.list(RunFilter.any(), "garbage!", 10))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("of 100,000 runs uses the keyset index, not a sort of the table")
    void indexUsed() {
      db.execute(
          "insert into run (id, operation, params, requested_by, reason, status, created_at)"
              + " select 'run-' || g, 'op', '{}', 'alice', 'r', 'pending', now() - g * interval '1 second'"
              + " from generate_series(1, 100000) g");
      db.execute("analyze run");
      String plan =
          db.fetch(
                  "explain select * from run where (created_at, id) < (now() - interval '50000 seconds', 'run-50000')"
                      + " order by created_at desc, id desc limit 51")
              .format();
      assertThat(plan).contains("run_page").doesNotContain("Sort  ");
    }
  }

  @Test
  @DisplayName("an event recorded twice under one sequence number lands once")
  void eventsIdempotent() {
    runs.insertPending(newRun("run-1", null));
    var e = new RunEvent("run-1", 0, "place", "hv1", "started", 1, null, null, null, null);
    events.append(e);
    events.append(e);
    events.append(
        new RunEvent(
            "run-1", 1, "place", "hv1", "succeeded", 1, null, null, "{\"host\":\"hv1\"}", null));
    assertThat(events.list("run-1"))
        .extracting(RunEvent::kind)
        .containsExactly("started", "succeeded");
  }
}
