package io.longhaul.workflows.hdfsmigration;

import io.longhaul.contracts.hdfsmigration.HdfsActivities;
import io.longhaul.contracts.hdfsmigration.HdfsActivities.TrafficRequest;
import io.longhaul.contracts.hdfsmigration.HdfsMigrationInput;
import io.longhaul.contracts.vocabulary.StepEventKind;
import io.longhaul.workflows.common.RunJournal;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * The soak: the BU's jobs run in the new DC while the data is still in both; its cross-DC traffic
 * is watched for the soak's duration and must be under the threshold at the end (a run whose
 * traffic stays above it for as long again parks). An operator may end it early, with a reason.
 */
final class Soak {
  private static final Duration POLL = Duration.ofMinutes(5);

  private Soak() {}

  static long run(
      RunJournal journal, HdfsActivities hdfs, MigrationState state, HdfsMigrationInput in) {
    long end = Workflow.currentTimeMillis() + Duration.ofMinutes(in.soakMinutes()).toMillis();
    long giveUp = end + Duration.ofMinutes(Math.max(60, in.soakMinutes())).toMillis();
    while (true) {
      long t = hdfs.crossDcTraffic(new TrafficRequest(in.cluster(), in.bu()));
      state.soakTraffic = t;
      journal.figure("soak.cross-dc-bytes-per-sec", t);
      if (state.soakEndedBy != null) {
        // by and reason passed the update's validator: no quotes, backslashes or line breaks.
        journal.event(
            "soak",
            in.bu(),
            StepEventKind.DECIDED,
            null,
            "{\"endedBy\":\""
                + state.soakEndedBy
                + "\",\"reason\":\""
                + state.soakEndReason
                + "\"}");
        return t;
      }
      long now = Workflow.currentTimeMillis();
      if (now >= end && t <= in.soakMaxCrossDcBytesPerSec()) {
        return t;
      }
      if (now >= giveUp) {
        throw ApplicationFailure.newNonRetryableFailure(
            "cross-DC traffic " + t + " B/s stays above " + in.soakMaxCrossDcBytesPerSec() + " B/s",
            "SoakThresholdExceeded");
      }
      long wait = Math.max(1000, Math.min(POLL.toMillis(), (now < end ? end : giveUp) - now));
      Workflow.await(Duration.ofMillis(wait), () -> state.soakEndedBy != null);
    }
  }
}
