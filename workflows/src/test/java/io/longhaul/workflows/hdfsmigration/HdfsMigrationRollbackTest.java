package io.longhaul.workflows.hdfsmigration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longhaul.contracts.control.PendingDecision;
import io.longhaul.contracts.hdfsmigration.HdfsMigrationInput;
import io.longhaul.contracts.hdfsmigration.HdfsMigrationWorkflow;
import io.longhaul.contracts.hdfsmigration.MigrationReport;
import io.longhaul.drivers.transport.zookeeper.ZooKeeperDcMapping;
import io.longhaul.workflows.common.SignedDecisions;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An abort in each phase leaves the cluster as it was (policies, replicas, quotas, mapping), each
 * undo a visible compensation, newest first; and the faults throttle or are repaired.
 */
@DisplayName("The hdfs-bu-migration workflow's rollbacks and faults")
class HdfsMigrationRollbackTest {
  static final String DB = "/user/hive/warehouse/hotel.db";
  static final List<String> PATHS = List.of(DB, "/user/hotel_bi", "/public/dim_city");
  MigrationFixture f;
  String runId;

  @AfterEach
  void close() {
    if (f != null) {
      f.close();
    }
  }

  /** No windows, 50 MB/s: the copy takes about 3.5 hours. */
  static HdfsMigrationInput fast(int soakMinutes) {
    HdfsMigrationInput in = MigrationFixture.input(false, soakMinutes);
    return new HdfsMigrationInput(
        in.cluster(),
        in.bu(),
        "B",
        "C",
        List.of(),
        "2:2",
        50_000_000L,
        null,
        soakMinutes,
        1_000_000L,
        2,
        null,
        null);
  }

  /**
   * The cluster stops answering, the step in flight parks after its retries, the cluster comes back
   * and an operator aborts: the undos run, newest first.
   */
  void abortAndAssertRestored(HdfsMigrationWorkflow run, String id) throws Exception {
    f.api.down.set(true);
    PendingDecision pending = null;
    for (int i = 0; i < 200 && pending == null; i++) {
      f.env.sleep(Duration.ofMinutes(1));
      pending = run.progress().pending().stream().findFirst().orElse(null);
    }
    assertThat(pending).as("the run parked").isNotNull();
    assertThat(pending.errorType()).isEqualTo("DeviceUnreachable");
    f.api.down.set(false);
    run.decide(SignedDecisions.signed(id, "abort", pending, "ops", "operator", "roll back"));
    assertThatThrownBy(() -> WorkflowStub.fromTyped(run).getResult(MigrationReport.class))
        .isInstanceOf(io.temporal.client.WorkflowFailedException.class);
    for (String p : PATHS) {
      assertThat(f.cluster.replicas(p).get("C")).as(p).isZero();
      assertThat(f.cluster.spaceQuota(p)).as(p).isEqualTo(-1);
    }
    assertThat(f.cluster.replicas(DB)).containsEntry("B", 7_500L);
    assertThat(f.cluster.policy(DB + "/rooms")).isEqualTo("B:3,C:0");
    assertThat(f.cluster.policy("/public/dim_city")).isEqualTo("B:3,C:0");
    try (var zk = new ZooKeeperDcMapping("test", f.zk.connectString(), 5000)) {
      assertThat(zk.users(List.of("hotel_etl", "hotel_bi")).values())
          .allMatch(dc -> dc == null || dc.equals("B"));
    }
    assertThat(f.journal.outcomes).extracting(o -> o.status()).containsExactly("aborted");
  }

  @Test
  @DisplayName("an abort in the copy sets 3:0 back and removes the new DC's copies")
  void duringCopy() throws Exception {
    f = new MigrationFixture(false);
    HdfsMigrationWorkflow run = f.startApproved(runId = "rb-copy", fast(60));
    f.env.sleep(Duration.ofHours(1));
    assertThat(run.migration().phase()).isEqualTo("copy");
    assertThat(f.cluster.replicas(DB).get("C")).isPositive();
    abortAndAssertRestored(run, runId);
    assertThat(f.journal.kinds())
        .contains("arm-rollback compensating", "arm-rollback compensated")
        .doesNotContain("flip compensated");
  }

  @Test
  @DisplayName("an abort in the soak moves users and queues back first, then undoes the copy")
  void duringSoak() throws Exception {
    f = new MigrationFixture(false);
    HdfsMigrationWorkflow run = f.startApproved(runId = "rb-soak", fast(600));
    f.skipUntil(run, "soak", 8);
    try (var zk = new ZooKeeperDcMapping("test", f.zk.connectString(), 5000)) {
      assertThat(zk.users(List.of("hotel_etl"))).containsEntry("hotel_etl", "C");
    }
    abortAndAssertRestored(run, runId);
    List<String> kinds = f.journal.kinds();
    assertThat(kinds).containsSubsequence("flip compensated", "arm-rollback compensated");
  }

  @Test
  @DisplayName(
      "an abort in the drain refills the old DC, then moves users back and undoes the copy")
  void duringDrain() throws Exception {
    f = new MigrationFixture(false);
    // A slow NameNode: B's replicas go at 2 a second, so the drain takes hours.
    f.cluster.deletionRate("B", 2);
    HdfsMigrationWorkflow run = f.startApproved(runId = "rb-drain", fast(10));
    f.skipUntil(run, "drain", 8);
    abortAndAssertRestored(run, runId);
    assertThat(f.journal.kinds())
        .containsSubsequence(
            "arm-rollback compensated", "flip compensated", "arm-rollback compensated");
  }

  @Test
  @DisplayName(
      "NameNode and link stress halve the Mover's bandwidth and recovery restores it; a crashed Mover is restarted")
  void faults() throws Exception {
    f = new MigrationFixture(false);
    HdfsMigrationWorkflow run = f.startApproved("faults", fast(10));
    f.env.sleep(Duration.ofMinutes(20));
    assertThat(f.cluster.moverBandwidth("C")).isEqualTo(50_000_000L);

    f.cluster.rpcLatencySpike(20);
    f.env.sleep(Duration.ofMinutes(10));
    assertThat(f.cluster.moverBandwidth("C")).isEqualTo(25_000_000L);
    assertThat(run.migration().throttleReason()).contains("NameNode RPC queue time");
    f.cluster.saturateLink(true);
    f.env.sleep(Duration.ofMinutes(10));
    assertThat(f.cluster.moverBandwidth("C")).isEqualTo(12_500_000L);
    f.cluster.rpcLatencySpike(0);
    f.cluster.saturateLink(false);
    f.env.sleep(Duration.ofMinutes(10));
    assertThat(f.cluster.moverBandwidth("C")).isEqualTo(50_000_000L);

    f.cluster.crashMover("C");
    f.env.sleep(Duration.ofMinutes(10));
    long before = f.cluster.replicas(DB).get("C");
    f.env.sleep(Duration.ofMinutes(10));
    assertThat(f.cluster.replicas(DB).get("C")).isGreaterThan(before);

    MigrationReport report = WorkflowStub.fromTyped(run).getResult(MigrationReport.class);
    assertThat(report.replicas()).containsEntry("B", 200L);
    assertThat(f.journal.kinds())
        .filteredOn("copy throttled"::equals)
        .hasSizeGreaterThanOrEqualTo(4);
    assertThat(
            f.journal.events.stream()
                .filter(e -> "throttled".equals(e.kind()))
                .map(e -> e.detailJson())
                .toList())
        .anyMatch(d -> d.contains("inter-DC link"));
    assertThat(Map.of("done", run.migration().phase())).containsEntry("done", "done");
  }
}
