package io.longhaul.contracts.hdfsmigration;

import io.longhaul.contracts.control.JournalCarry;
import java.util.List;

/**
 * What to migrate: a BU of a cluster from one DC to the other, its paths (empty: the BU's own
 * directories as the cluster keeps them), the policy its public tables get ({@code 2:2}), the
 * Mover's bandwidth cap, the window scope the replica phases run in (null: any time), how long to
 * soak and the cross-DC traffic the soak tolerates, and how many BU migrations one NameNode takes
 * at once. {@code plan} (the approved plan) and {@code carry} (the journal's state) are handed over
 * when the run continues as new; both are null at the start.
 */
public record HdfsMigrationInput(
    String cluster,
    String bu,
    String fromDc,
    String toDc,
    List<String> paths,
    String publicPolicy,
    long capBytesPerSec,
    String windowScope,
    int soakMinutes,
    long soakMaxCrossDcBytesPerSec,
    int maxPerNameNode,
    HdfsActivities.Plan plan,
    JournalCarry carry) {
  public HdfsMigrationInput {
    paths = paths == null ? List.of() : List.copyOf(paths);
    publicPolicy = publicPolicy == null ? "2:2" : publicPolicy;
    maxPerNameNode = maxPerNameNode <= 0 ? 2 : maxPerNameNode;
    if (fromDc != null && fromDc.equals(toDc)) {
      throw new IllegalArgumentException("fromDc and toDc must differ");
    }
  }

  /** The next execution's input: the cap as it stands now, the approved plan, the carry. */
  public HdfsMigrationInput continued(long cap, HdfsActivities.Plan approved, JournalCarry next) {
    return new HdfsMigrationInput(
        cluster,
        bu,
        fromDc,
        toDc,
        paths,
        publicPolicy,
        cap,
        windowScope,
        soakMinutes,
        soakMaxCrossDcBytesPerSec,
        maxPerNameNode,
        approved,
        next);
  }

  /** The cross-DC policy that keeps {@code replicas} in {@code dc} and none in the other. */
  public static String only(String dc, int replicas) {
    return "B".equals(dc) ? "B:" + replicas + ",C:0" : "B:0,C:" + replicas;
  }
}
