package io.longhaul.workflows.hdfsmigration;

import io.longhaul.contracts.hdfsmigration.HdfsActivities.PathPlan;
import io.longhaul.contracts.hdfsmigration.HdfsActivities.Plan;
import io.longhaul.contracts.hdfsmigration.HdfsMigrationInput;

/** The plan's arithmetic: quotas, replica goals, ETA at the cap, and its text for the approver. */
final class Plans {
  private Plans() {}

  /** Storage-space quota for {@code replicas} replicas of the path, 10 % headroom. */
  static long quota(PathPlan p, int replicas) {
    return Math.round(p.bytes() * replicas * 1.1);
  }

  /** The shared tables' policy, {@code 2:2} as {@code B:2,C:2}. */
  static String shared(HdfsMigrationInput in) {
    String[] bc = in.publicPolicy().split(":");
    return "B:" + bc[0] + ",C:" + bc[1];
  }

  /**
   * Replicas the watched DC holds when the phase is done: the new DC after the copy (3 a block, the
   * shared tables' share of theirs), the old DC after the drain (only the shared tables').
   */
  static long goal(Plan plan, HdfsMigrationInput in, boolean copy) {
    String[] bc = in.publicPolicy().split(":");
    int sharedTo = Integer.parseInt("B".equals(in.toDc()) ? bc[0] : bc[1]);
    int sharedFrom = Integer.parseInt("B".equals(in.fromDc()) ? bc[0] : bc[1]);
    long n = 0;
    for (PathPlan p : plan.paths()) {
      n +=
          copy
              ? p.blocks() * (p.shared() ? sharedTo : 3)
              : (p.shared() ? p.blocks() * sharedFrom : 0);
    }
    return n;
  }

  static String text(HdfsMigrationInput in, Plan plan) {
    StringBuilder s = new StringBuilder();
    long bytes = 0;
    long blocks = 0;
    s.append("Move BU ")
        .append(plan.bu())
        .append(" of ")
        .append(in.cluster())
        .append(" from DC ")
        .append(in.fromDc())
        .append(" to DC ")
        .append(in.toDc())
        .append('\n');
    for (PathPlan p : plan.paths()) {
      bytes += p.bytes();
      blocks += p.blocks();
      s.append("  ")
          .append(p.path())
          .append(": ")
          .append(p.bytes())
          .append(" B in ")
          .append(p.blocks())
          .append(" blocks, policy ")
          .append(p.policy())
          .append(" → ")
          .append(
              p.shared()
                  ? shared(in) + " (shared)"
                  : "B:3,C:3 then " + HdfsMigrationInput.only(in.toDc(), 3))
          .append(", quota ")
          .append(p.spaceQuota())
          .append(" → ")
          .append(quota(p, p.shared() ? 4 : 6))
          .append(" B\n");
    }
    s.append("Users: ")
        .append(plan.users())
        .append("; queues: ")
        .append(plan.queues())
        .append('\n');
    s.append("Total: ")
        .append(bytes)
        .append(" B in ")
        .append(blocks)
        .append(" blocks; at ")
        .append(in.capBytesPerSec())
        .append(" B/s the copy takes ")
        .append(bytes / Math.max(1, in.capBytesPerSec()))
        .append(" s of window time");
    s.append(
        in.windowScope() == null
            ? " (no window scope: any time)"
            : " in windows of " + in.windowScope());
    s.append("; soak ")
        .append(in.soakMinutes())
        .append(" min at ≤ ")
        .append(in.soakMaxCrossDcBytesPerSec())
        .append(" B/s cross-DC");
    return s.toString();
  }
}
