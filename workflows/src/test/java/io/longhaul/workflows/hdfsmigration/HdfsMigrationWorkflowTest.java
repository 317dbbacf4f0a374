package io.longhaul.workflows.hdfsmigration;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.contracts.hdfsmigration.CapChange;
import io.longhaul.contracts.hdfsmigration.HdfsMigrationWorkflow;
import io.longhaul.contracts.hdfsmigration.MigrationReport;
import io.longhaul.drivers.transport.zookeeper.ZooKeeperDcMapping;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The hdfs-bu-migration workflow")
class HdfsMigrationWorkflowTest {
  static final String DB = "/user/hive/warehouse/hotel.db";
  MigrationFixture f;

  @AfterEach
  void close() {
    if (f != null) {
      f.close();
    }
  }

  @Test
  @DisplayName(
      "migrates a BU over three days of windows: pauses, resumes, continues as new, takes a cap change")
  void overThreeDaysOfWindows() throws Exception {
    f = new MigrationFixture(true);
    HdfsMigrationWorkflow run = f.startApproved("hotel-1", MigrationFixture.input(true, 60));
    // The first window opens at 10:00; by 14:00 the copy is under way at the operator's cap.
    f.env.sleep(Duration.ofHours(6));
    assertThat(run.migration().phase()).as(f.journal.kinds().toString()).isEqualTo("copy");
    assertThat(f.journal.kinds()).as(f.journal.kinds().toString()).contains("copy started");
    assertThat(f.cluster.moverBandwidth("C")).isEqualTo(MigrationFixture.CAP);
    long before = run.migration().bytesDone();
    assertThat(before).isPositive();

    assertThat(run.setCap(new CapChange(6_000_000L, "ops", "more headroom on the link")))
        .isEqualTo(6_000_000L);
    for (int i = 0; i < 100 && f.cluster.moverBandwidth("C") != 6_000_000L; i++) {
      Thread.sleep(20);
    }
    assertThat(f.cluster.moverBandwidth("C")).isEqualTo(6_000_000L);

    MigrationReport report = WorkflowStub.fromTyped(run).getResult(MigrationReport.class);
    assertThat(report.misplacedBlocks()).isZero();
    assertThat(report.pauses()).isGreaterThanOrEqualTo(2);
    // 0:3 for the BU's own directories; the shared table keeps 2:2.
    assertThat(f.cluster.replicas(DB)).isEqualTo(Map.of("B", 0L, "C", 7_500L));
    assertThat(f.cluster.replicas("/public/dim_city")).isEqualTo(Map.of("B", 200L, "C", 200L));
    assertThat(f.cluster.policy(DB + "/bookings")).isEqualTo("B:0,C:3");
    try (var zk = new ZooKeeperDcMapping("test", f.zk.connectString(), 5000)) {
      assertThat(zk.users(List.of("hotel_etl", "hotel_bi"))).containsValues("C", "C");
      assertThat(zk.queues(List.of("hotel"))).containsEntry("hotel", "C");
    }
    assertThat(f.journal.kinds())
        .contains(
            "copy paused",
            "copy throttled",
            "fsck succeeded",
            "drain succeeded",
            "route succeeded");
    assertThat(f.journal.begins.get()).isGreaterThan(2);
    // Continued as new: the last execution's history is bounded.
    var history = f.env.getWorkflowClient().fetchHistory("hotel-1");
    assertThat(history.getEvents().size()).isLessThan(3_000);
    assertThat(history.getEvents().getFirst().getEventType())
        .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED);
    assertThat(f.journal.outcomes).extracting(o -> o.status()).containsExactly("succeeded");
  }
}
