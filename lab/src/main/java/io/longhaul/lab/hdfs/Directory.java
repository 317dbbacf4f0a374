package io.longhaul.lab.hdfs;

import java.util.Map;
import java.util.TreeMap;

/**
 * One directory of a BU as aggregate state: its files and blocks, logical bytes, the replica policy
 * it is under and each DC's {@link Placement}. Guarded by the cluster's lock.
 */
final class Directory {
  final String path;
  final String owner;
  final long files;
  final long blocks;
  final long bytes;
  final long modified;
  final Map<String, Placement> placement = new TreeMap<>();
  DcPolicy policy = new DcPolicy(3, 0);
  short replication = 3;

  Directory(String path, String owner, long files, long blocks, long bytes, long modified) {
    this.path = path;
    this.owner = owner;
    this.files = files;
    this.blocks = blocks;
    this.bytes = bytes;
    this.modified = modified;
    placement.put("B", new Placement(blocks, 3));
    placement.put("C", new Placement(blocks, 0));
  }

  Placement in(String dc) {
    return placement.get(dc);
  }

  void policy(DcPolicy p) {
    policy = p;
    placement.forEach((dc, pl) -> pl.retarget(p.of(dc)));
  }

  double blockBytes() {
    return blocks == 0 ? 0 : (double) bytes / blocks;
  }

  long replicas() {
    return in("B").replicas() + in("C").replicas();
  }

  long spaceConsumed() {
    return Math.round(blockBytes() * replicas());
  }

  /** Blocks short of the policy's replicas in some DC (the NameNode's low redundancy). */
  long lowRedundancy() {
    long n = 0;
    for (Placement p : placement.values()) {
      if (p.adding()) {
        n = Math.max(n, p.pending());
      }
    }
    return n;
  }

  /** Blocks placed otherwise than the policy says in some DC (Cross-IDC fsck's misplaced). */
  long misplaced() {
    long n = 0;
    for (Placement p : placement.values()) {
      n = Math.max(n, p.pending());
    }
    return n;
  }

  /** Blocks a replica of which is still to be copied into {@code dc}. */
  long toCopy(String dc) {
    return in(dc).adding() ? in(dc).pending() : 0;
  }
}
