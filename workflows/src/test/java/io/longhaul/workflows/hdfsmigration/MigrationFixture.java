package io.longhaul.workflows.hdfsmigration;

import io.longhaul.activities.hdfsmigration.HdfsActivitiesImpl;
import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.hdfsmigration.HdfsMigrationInput;
import io.longhaul.contracts.hdfsmigration.HdfsMigrationWorkflow;
import io.longhaul.contracts.window.Scope;
import io.longhaul.contracts.window.WindowSpec;
import io.longhaul.drivers.dialect.hdfs.HdfsWebApi;
import io.longhaul.lab.hdfs.HdfsCluster;
import io.longhaul.lab.hdfs.HdfsDemo;
import io.longhaul.lab.hdfs.HdfsDevice;
import io.longhaul.lab.hdfs.LabZooKeeper;
import io.longhaul.workflows.common.SignedDecisions;
import io.longhaul.workflows.testkit.JournalFakes;
import io.longhaul.workflows.testkit.Parked;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Instant;
import java.util.List;

/**
 * A time-skipping Temporal test environment running the migration's workflow and its real
 * activities and driver against the lab's HDFS cluster in process, on the environment's clock, with
 * the user→DC mapping in a real ZooKeeper. The lab's demo BU {@code hotel} (3,100 blocks, 620 GB)
 * at 5 MB/s needs about 34 hours of window time: three days of 13-hour windows.
 */
final class MigrationFixture implements AutoCloseable {
  static final Instant MONDAY_8 = Instant.parse("2026-11-23T08:00:00Z");
  static final String CLUSTER = "lab-hdfs";
  static final long CAP = 5_000_000L;

  final TestWorkflowEnvironment env;
  final JournalFakes journal = new JournalFakes();
  final LabZooKeeper zk = new LabZooKeeper();
  final HdfsCluster cluster;
  final InProcessCluster api;

  MigrationFixture(boolean windows) {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setInitialTime(MONDAY_8)
                .setWorkerFactoryOptions(SignedDecisions.WORKERS)
                .build());
    cluster = new HdfsCluster(CLUSTER, "3.3.6", () -> env.currentTimeMillis() * 1_000_000L);
    HdfsDemo.populate(cluster);
    cluster.mapping(zk);
    api = new InProcessCluster(CLUSTER, new HdfsDevice(cluster));
    if (windows) {
      journal.windows.add(
          new WindowSpec(
              1,
              "low traffic",
              List.of(new Scope(Scope.BU, "hotel")),
              "FREQ=DAILY;BYHOUR=10;BYMINUTE=0",
              null,
              13 * 60,
              "UTC",
              "2026-01-01T00:00",
              List.of()));
    }
    var workflows = env.newWorker(TaskQueues.WORKFLOWS);
    workflows.registerWorkflowImplementationTypes(HdfsBuMigrationWorkflowImpl.class);
    workflows.registerActivitiesImplementations(journal);
    env.newWorker(TaskQueues.CLUSTERS)
        .registerActivitiesImplementations(
            new HdfsActivitiesImpl(name -> new HdfsWebApi(name, api)));
    env.start();
  }

  static HdfsMigrationInput input(boolean windows, int soakMinutes) {
    return new HdfsMigrationInput(
        CLUSTER,
        "hotel",
        "B",
        "C",
        List.of(),
        "2:2",
        CAP,
        windows ? "bu:hotel" : null,
        soakMinutes,
        1_000_000L,
        2,
        null,
        null);
  }

  HdfsMigrationWorkflow stub(String id) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            HdfsMigrationWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(id)
                .setTaskQueue(TaskQueues.WORKFLOWS)
                .build());
  }

  /** Starts the run and approves its plan as an approver who did not request it. */
  HdfsMigrationWorkflow startApproved(String id, HdfsMigrationInput in) {
    HdfsMigrationWorkflow run = stub(id);
    WorkflowClient.start(run::migrate, in);
    var pending = Parked.await(run);
    if (!"approve".equals(pending.step())) {
      throw new AssertionError("expected the plan's approval, got " + pending);
    }
    run.decide(SignedDecisions.signed(id, "approve", pending, "boss", "approver", "plan checked"));
    return run;
  }

  /** Skips time until the run is in {@code phase}, an hour at a time, at most {@code hours}. */
  void skipUntil(HdfsMigrationWorkflow run, String phase, int hours) {
    for (int i = 0; i < hours * 6; i++) {
      if (phase.equals(run.migration().phase())) {
        return;
      }
      env.sleep(java.time.Duration.ofMinutes(10));
    }
    throw new AssertionError(
        "the run never reached " + phase + "; it is in " + run.migration().phase());
  }

  @Override
  public void close() {
    env.close();
    zk.close();
  }
}
