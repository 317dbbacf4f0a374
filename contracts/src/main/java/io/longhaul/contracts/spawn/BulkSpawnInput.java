package io.longhaul.contracts.spawn;

import io.longhaul.contracts.control.JournalCarry;
import java.util.List;

/**
 * {@code count} instances named {@code namePrefix-0001}… from one template, spawned as child
 * workflows {@code batchSize} at a time. {@code carry} carries the journal (progress, the batch
 * cursor) across continue-as-new; {@code next}, {@code succeeded}, {@code failed} and {@code
 * journalSeq} are what runs recorded before the journal carried it still hold. Callers leave them
 * null.
 */
public record BulkSpawnInput(
    String site,
    String namePrefix,
    int count,
    Long networkId,
    String networkLabel,
    int vcpus,
    int memoryMiB,
    String antiAffinity,
    Integer batchSize,
    Integer next,
    Integer succeeded,
    List<String> failed,
    Integer journalSeq,
    JournalCarry carry) {

  public static final int DEFAULT_BATCH_SIZE = 25;

  public BulkSpawnInput {
    failed = failed == null ? List.of() : List.copyOf(failed);
  }

  public int batchSizeOrDefault() {
    return batchSize == null || batchSize < 1 ? DEFAULT_BATCH_SIZE : batchSize;
  }

  public int nextOrZero() {
    return next == null ? 0 : next;
  }

  public int succeededOrZero() {
    return succeeded == null ? 0 : succeeded;
  }

  public String nameOf(int index) {
    return namePrefix + "-" + String.format("%04d", index + 1);
  }

  /** Where the loop of runs recorded before the journal carried progress continued. */
  public BulkSpawnInput continueAt(
      int nextIndex, int succeededSoFar, List<String> failedSoFar, int seq) {
    return with(nextIndex, succeededSoFar, failedSoFar, seq, null);
  }

  /** The same request, continued as new with the journal's carry. */
  public BulkSpawnInput continuedWith(JournalCarry journalCarry) {
    return with(next, succeeded, failed, journalSeq, journalCarry);
  }

  private BulkSpawnInput with(
      Integer nextIndex,
      Integer succeededSoFar,
      List<String> failedSoFar,
      Integer seq,
      JournalCarry journalCarry) {
    return new BulkSpawnInput(
        site,
        namePrefix,
        count,
        networkId,
        networkLabel,
        vcpus,
        memoryMiB,
        antiAffinity,
        batchSize,
        nextIndex,
        succeededSoFar,
        failedSoFar,
        seq,
        journalCarry);
  }
}
