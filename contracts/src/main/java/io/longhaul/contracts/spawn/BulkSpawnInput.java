package io.longhaul.contracts.spawn;

import java.util.List;

/**
 * {@code count} instances named {@code namePrefix-0001}… from one template, spawned as child
 * workflows {@code batchSize} at a time. {@code next}, {@code succeeded}, {@code failed} and {@code
 * journalSeq} carry progress across continue-as-new; callers leave them null.
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
    Integer journalSeq) {

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

  public BulkSpawnInput continueAt(
      int nextIndex, int succeededSoFar, List<String> failedSoFar, int seq) {
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
        seq);
  }
}
