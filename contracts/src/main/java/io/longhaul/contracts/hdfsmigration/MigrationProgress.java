package io.longhaul.contracts.hdfsmigration;

import java.util.Map;

/**
 * The migration in its own terms, as the {@code migration} query answers: the phase ({@code plan},
 * {@code copy} 3:0→3:3, {@code verify}, {@code flip}, {@code soak}, {@code drain} 3:3→0:3, {@code
 * done}, {@code rollback}), bytes and blocks done of total in the current phase, the rates (bytes
 * per second), the ETA in seconds at the current rate, the operator's cap and the effective one
 * (lowered under stress, with why), the NameNode's and link's state, the replicas each DC holds,
 * how often the copy paused at a window close, the last fsck and the soak's state.
 */
public record MigrationProgress(
    String phase,
    long bytesDone,
    long bytesTotal,
    long blocksDone,
    long blocksTotal,
    long rateBytesPerSec,
    long averageRateBytesPerSec,
    long etaSeconds,
    long capBytesPerSec,
    long effectiveCapBytesPerSec,
    String throttleReason,
    long lowRedundancyBlocks,
    double rpcQueueTimeMs,
    double linkUtilisation,
    Map<String, Long> replicas,
    int pauses,
    long fsckMisplacedBlocks,
    String fsckStatus,
    long soakCrossDcBytesPerSec,
    String soakEndedBy) {}
