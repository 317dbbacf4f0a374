package io.longhaul.workflows.hdfsmigration;

import io.longhaul.contracts.hdfsmigration.HdfsActivities;
import io.longhaul.contracts.hdfsmigration.HdfsActivities.BandwidthChange;
import io.longhaul.contracts.hdfsmigration.HdfsActivities.MappingChange;
import io.longhaul.contracts.hdfsmigration.HdfsActivities.ObserveRequest;
import io.longhaul.contracts.hdfsmigration.HdfsActivities.PolicyChange;
import io.longhaul.contracts.hdfsmigration.HdfsActivities.QuotaChange;
import io.longhaul.workflows.common.RunJournal;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * The migration's named undos, registered at every start (a continued run may owe them): policies
 * and quotas back as the plan found them, the refilling DC's Mover run until fsck finds nothing
 * misplaced; the user→DC mapping back. Each is a visible compensation; one that cannot finish parks
 * as {@code undo:<step>}.
 */
final class Undos {
  static final String COPY = "rollback-copy";
  static final String FLIP = "rollback-flip";
  static final String DRAIN = "rollback-drain";
  private static final Duration POLL = Duration.ofSeconds(30);
  private static final int POLLS = 2880;

  private Undos() {}

  static void register(RunJournal journal, HdfsActivities hdfs) {
    journal.undo(COPY, Rollback.class, r -> restore(hdfs, r));
    journal.undo(DRAIN, Rollback.class, r -> restore(hdfs, r));
    journal.undo(FLIP, MappingChange.class, hdfs::assign);
  }

  private static void restore(HdfsActivities hdfs, Rollback r) {
    r.policies()
        .forEach((path, policy) -> hdfs.setPolicy(new PolicyChange(r.cluster(), path, policy)));
    r.quotas().forEach((path, bytes) -> hdfs.setQuota(new QuotaChange(r.cluster(), path, bytes)));
    hdfs.setBandwidth(new BandwidthChange(r.cluster(), r.refillDc(), r.bytesPerSec()));
    for (int i = 0; i < POLLS; i++) {
      if (hdfs.fsck(new ObserveRequest(r.cluster(), r.paths())).misplacedBlocks() == 0) {
        hdfs.setBandwidth(new BandwidthChange(r.cluster(), r.refillDc(), 0));
        return;
      }
      Workflow.sleep(POLL);
    }
    throw ApplicationFailure.newNonRetryableFailure(
        "placement not restored after " + POLL.multipliedBy(POLLS), "RollbackIncomplete");
  }
}
