package io.longhaul.lab.hdfs;

/**
 * The replicas one DC holds of a directory's blocks, as counts: blocks {@code [0, done)} hold
 * {@code target} replicas, the rest still hold {@code from}. A policy change starts a new
 * transition from wherever the blocks stand; undoing a transition half way turns its done part
 * back.
 */
final class Placement {
  final long blocks;
  int from;
  int target;
  long done;

  Placement(long blocks, int replicas) {
    this.blocks = blocks;
    this.from = replicas;
    this.target = replicas;
    this.done = blocks;
  }

  void retarget(int wanted) {
    if (wanted == target) {
      return;
    }
    if (done == blocks || from == target) {
      from = target;
      done = 0;
    } else if (wanted == from) {
      // Half-way back: the blocks not reached are already where the new target wants them.
      from = target;
      done = blocks - done;
    } else {
      from = done * 2 > blocks ? target : from;
      done = 0;
    }
    target = wanted;
    if (from == target) {
      done = blocks;
    }
  }

  long replicas() {
    return done * target + (blocks - done) * from;
  }

  long pending() {
    return blocks - done;
  }

  boolean adding() {
    return target > from && done < blocks;
  }

  boolean removing() {
    return target < from && done < blocks;
  }

  int ofBlock(long i) {
    return i < done ? target : from;
  }

  /** A lost rack takes a replica from some blocks that had it; they need it back. */
  void lose(long blocksHit) {
    if (target == 0 || blocksHit <= 0) {
      return;
    }
    long hit = Math.min(blocksHit, done);
    if (from == target) {
      from = target - 1;
    } else if (from > target - 1) {
      return;
    }
    done -= hit;
  }
}
