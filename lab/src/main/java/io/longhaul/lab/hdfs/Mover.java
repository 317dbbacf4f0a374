package io.longhaul.lab.hdfs;

/**
 * One DC's Mover (Ctrip's per-DC Mover/replication monitor): copies replicas into its DC at the
 * bandwidth set, removes excess ones at the NameNode's deletion rate. Progress follows the lab's
 * simulated clock. A crash stops it until it is restarted.
 */
final class Mover {
  /**
   * Replicas removed per simulated second by default: deletions are NameNode work, not transfers.
   */
  static final long DELETIONS_PER_SEC = 200_000;

  final String dc;
  long bandwidth;
  long deletionsPerSec = DELETIONS_PER_SEC;
  boolean running = true;
  double carryBytes;
  double carryDeletes;
  long copiedBytes;
  double rate;

  Mover(String dc, long bandwidth) {
    this.dc = dc;
    this.bandwidth = bandwidth;
  }

  String state() {
    return running ? "RUNNING" : "CRASHED";
  }
}
