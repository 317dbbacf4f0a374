package io.longhaul.workflows.hdfsmigration;

import io.longhaul.contracts.hdfsmigration.MigrationReport;
import io.longhaul.workflows.testkit.HistoryReplay;
import io.temporal.client.WorkflowStub;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Replays a recorded migration (hotel, no windows, 50 MB/s: plan, approval, copy, fsck, flip, soak,
 * drain) against today's code. Record a new generation deliberately (beside, never over, the old
 * one) via {@code -Dlonghaul.record-histories=true -Dtest=HdfsMigrationReplayTest}.
 */
@DisplayName("Recorded hdfs-bu-migration histories")
class HdfsMigrationReplayTest {
  static final String RESOURCE = "histories/hdfs-bu-migration.json";

  @Test
  @DisplayName("replay on the current workflow code without nondeterminism")
  void replays() {
    HistoryReplay.assertReplays(List.of(RESOURCE), HdfsBuMigrationWorkflowImpl.class);
  }

  @Test
  @EnabledIfSystemProperty(named = HistoryReplay.RECORD, matches = "true")
  @DisplayName("record a fresh history from a run against the lab cluster in process")
  void record() throws Exception {
    try (MigrationFixture f = new MigrationFixture(false)) {
      var run = f.startApproved("recorded-hdfs-bu-migration", HdfsMigrationRollbackTest.fast(10));
      WorkflowStub.fromTyped(run).getResult(MigrationReport.class);
      HistoryReplay.record(f.env.getWorkflowClient(), "recorded-hdfs-bu-migration", RESOURCE);
    }
  }
}
