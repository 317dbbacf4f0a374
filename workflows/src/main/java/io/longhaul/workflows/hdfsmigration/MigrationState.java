package io.longhaul.workflows.hdfsmigration;

import io.longhaul.contracts.hdfsmigration.HdfsActivities.Fsck;
import io.longhaul.contracts.hdfsmigration.HdfsActivities.Observation;
import io.longhaul.contracts.hdfsmigration.MigrationProgress;
import io.longhaul.workflows.common.RunJournal;
import java.util.Map;
import java.util.TreeMap;

/**
 * The migration's figures as the workflow last saw them: what the {@code migration} query answers
 * and what the journal shows with the run's progress. Workflow-thread state only.
 */
final class MigrationState {
  String phase = "plan";
  long cap;
  boolean capChanged;
  Throttle throttle;
  long bytesTotal;
  long blocksTotal;
  long bytesDone;
  long blocksDone;
  long rate;
  long phaseStartMillis;
  long phaseStartBytes;
  long activeMillis;
  long lowRedundancy;
  double rpcMs;
  double link;
  Map<String, Long> replicas = new TreeMap<>();
  int pauses;
  Fsck fsck;
  long soakTraffic;
  String soakEndedBy;
  String soakEndReason;

  MigrationProgress snapshot() {
    long avg = activeMillis <= 0 ? 0 : (bytesDone - phaseStartBytes) * 1000 / activeMillis;
    long eta = rate <= 0 ? -1 : Math.max(0, bytesTotal - bytesDone) / rate;
    return new MigrationProgress(
        phase,
        bytesDone,
        bytesTotal,
        blocksDone,
        blocksTotal,
        rate,
        Math.max(0, avg),
        eta,
        cap,
        throttle == null ? cap : throttle.bytesPerSec(),
        throttle == null ? null : throttle.reason(),
        lowRedundancy,
        rpcMs,
        link,
        Map.copyOf(replicas),
        pauses,
        fsck == null ? -1 : fsck.misplacedBlocks(),
        fsck == null ? null : fsck.status(),
        soakTraffic,
        soakEndedBy);
  }

  /**
   * Takes in an observation of a replica phase whose goal is {@code goal} replicas in {@code dc}.
   */
  void observed(Observation o, String dc, long goal, boolean adding, long elapsedMillis) {
    replicas = new TreeMap<>(o.replicas());
    long have = o.replicas().getOrDefault(dc, 0L);
    double share = goal <= 0 ? 1 : adding ? Math.min(1, (double) have / goal) : 1;
    if (!adding) {
      long start = Math.max(1, phaseStartBytes);
      share = have <= goal ? 1 : Math.max(0, 1 - (double) (have - goal) / start);
    }
    long before = bytesDone;
    bytesDone = Math.round(bytesTotal * share);
    blocksDone = Math.round(blocksTotal * share);
    rate = elapsedMillis <= 0 ? rate : Math.max(0, (bytesDone - before) * 1000 / elapsedMillis);
    activeMillis += Math.max(0, elapsedMillis);
    lowRedundancy = o.lowRedundancyBlocks();
    rpcMs = o.load().rpcQueueTimeMs();
    link = o.load().linkUtilisation();
  }

  void show(RunJournal journal) {
    journal.figure("bytes.done", bytesDone);
    journal.figure("bytes.total", bytesTotal);
    journal.figure("blocks.done", blocksDone);
    journal.figure("blocks.total", blocksTotal);
    journal.figure("rate.bytes-per-sec", rate);
    journal.figure("cap.bytes-per-sec", cap);
    journal.figure("cap.effective", throttle == null ? cap : throttle.bytesPerSec());
    journal.figure("low-redundancy-blocks", lowRedundancy);
    journal.figure("rpc.queue-us", Math.round(rpcMs * 1000));
    journal.figure("link.permille", Math.round(link * 1000));
    journal.figure("pauses", pauses);
    replicas.forEach((dc, n) -> journal.figure("replicas." + dc, n));
    MigrationProgress p = snapshot();
    journal.figure("eta.seconds", p.etaSeconds());
  }
}
